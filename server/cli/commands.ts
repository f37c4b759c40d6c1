import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { describeSettingsIssues, teamSettingsValuesSchema, teamValues, type TeamSettingsValues } from '../../lib/sync/team-settings';
import { memberRoleSchema, visibilitySchema } from '../../lib/sync/wire';
import type { Db } from '../db/connect';
import { rebuildRollupsOfTeam } from '../sql/daily-rollups';
import { DataError } from '../sql/errors';
import { readTeamSettings, saveTeamSettings, teamSettingsHistory } from '../sql/team-settings';
import { addMember, createPairingCode, createTeam, removeMember, rotateToken } from '../sql/tenancy';
import { AUDIT_PAGE_MAX } from '../../lib/sync/team-audit';
import { changeVisibility, readAudit } from '../sql/audit';
import { MAX_RETENTION_MONTHS, purgeExpired, purgeExpiredForTeam, purgeMember, setRetentionMonths } from '../sql/retention';

export const USAGE = `Usage: npm run server -- <command> [options] [--json]

  serve                                         start the HTTP server (the default)
  team create --name N [--group G] [--visibility named|pseudonymous|team-only]
  team visibility --team T --mode named|pseudonymous|team-only
  team settings show --team T                   the team's current settings (version, who, when)
  team settings set --team T --file F [--by N]  new settings from a JSON file (the output of
                                                show --json, edited); a "version" in the file
                                                must still be current, else nothing is saved
  team settings history --team T                every saved version, newest first
  team retention --team T --months N            keep the team's events N months (default 24)
  team audit --team T                           who changed settings, visibility, retention
  retention run [--team T]                      delete leads whose last event is past retention
                                                (the server also does this at start and daily)
  member add --team T --name N --role rep|manager  prints the member's token once
  member remove --member M                      revokes every token of the member
  member purge --member M                       deletes a removed member's events and facts
  token rotate --member M                       replaces the member's tokens with a new one
  pair --member M                               one-time pairing code (8 chars, 15 min)

Every command takes --json and then prints exactly one JSON object.`;

const name = z.string().trim().min(1).max(100);
const id = z.string().trim().min(1).max(100);

// One zod schema per command: parseArgs gives strings, these turn them into checked input.
const schemas = {
  'team create': z.object({ name, group: name.optional(), visibility: visibilitySchema.default('pseudonymous') }),
  'team visibility': z.object({ team: id, mode: visibilitySchema }),
  'team settings show': z.object({ team: id }),
  'team settings set': z.object({ team: id, file: z.string().min(1).max(1000), by: z.string().trim().min(1).max(80).default('admin') }),
  'team settings history': z.object({ team: id }),
  'team retention': z.object({ team: id, months: z.coerce.number().int().min(1).max(MAX_RETENTION_MONTHS) }),
  'team audit': z.object({ team: id }),
  'retention run': z.object({ team: id.optional() }),
  'member add': z.object({ team: id, name, role: memberRoleSchema }),
  'member purge': z.object({ member: id }),
  'member remove': z.object({ member: id }),
  'token rotate': z.object({ member: id }),
  pair: z.object({ member: id }),
};
type CommandName = keyof typeof schemas;

const isCommand = (value: string): value is CommandName => Object.hasOwn(schemas, value);

export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface ParsedCommand {
  command: CommandName;
  options: Record<string, string | undefined>;
  json: boolean;
}

export function parseCommand(argv: readonly string[]): ParsedCommand {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      name: { type: 'string' },
      group: { type: 'string' },
      visibility: { type: 'string' },
      team: { type: 'string' },
      mode: { type: 'string' },
      role: { type: 'string' },
      member: { type: 'string' },
      file: { type: 'string' },
      months: { type: 'string' },
      by: { type: 'string' },
    },
  });
  const command = positionals.join(' ');
  if (!isCommand(command)) throw new CliError('unknown_command', `Unknown command "${command}".\n\n${USAGE}`);
  const { json, ...options } = values;
  return { command, options, json: json === true };
}

function checked<T>(schema: z.ZodType<T>, options: Record<string, string | undefined>): T {
  const result = schema.safeParse(options);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new CliError('invalid_option', `--${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

// The file may be the output of `team settings show --json`: its bookkeeping fields are
// ignored except the version, which guards against overwriting a manager's newer save.
const settingsFileSchema = z.looseObject({
  version: z.number().int().min(1).optional(),
  baseVersion: z.number().int().min(1).optional(),
});

function readSettingsFile(path: string): { values: TeamSettingsValues; baseVersion: number | null } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError('invalid_file', `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CliError('invalid_file', `${path} is not valid JSON`);
  }
  const values = teamSettingsValuesSchema.safeParse(raw);
  if (!values.success) throw new CliError('invalid_settings', `${path}: nothing saved: ${describeSettingsIssues(values.error)}`);
  const meta = settingsFileSchema.safeParse(raw);
  const baseVersion = meta.success ? (meta.data.baseVersion ?? meta.data.version ?? null) : null;
  return { values: teamValues(values.data), baseVersion };
}

/** Runs one admin command; the returned object is what --json prints. */
export async function runCommand(db: Db, parsed: ParsedCommand, now: () => number = Date.now): Promise<Record<string, unknown>> {
  const { command, options } = parsed;
  try {
    switch (command) {
      case 'team create': {
        const input = checked(schemas[command], options);
        const team = await createTeam(db, input);
        return { teamId: team.teamId, groupId: team.groupId, visibility: input.visibility };
      }
      case 'team visibility': {
        const input = checked(schemas[command], options);
        const changed = await changeVisibility(db, { teamId: input.team, mode: input.mode, memberId: null }, now());
        return { teamId: input.team, visibility: changed.to };
      }
      case 'team settings show': {
        const input = checked(schemas[command], options);
        const settings = await readTeamSettings(db, input.team);
        if (!settings) throw new CliError('not_found', `no team ${input.team}`);
        return { teamId: input.team, ...settings };
      }
      case 'team settings set': {
        const input = checked(schemas[command], options);
        const file = readSettingsFile(input.file);
        const saved = await saveTeamSettings(
          db,
          { teamId: input.team, values: file.values, baseVersion: file.baseVersion, updatedBy: input.by, memberId: null },
          now(),
        );
        return { teamId: input.team, ...saved };
      }
      case 'team settings history': {
        const input = checked(schemas[command], options);
        const versions = await teamSettingsHistory(db, input.team);
        if (!versions) throw new CliError('not_found', `no team ${input.team}`);
        return { teamId: input.team, versions };
      }
      case 'team retention': {
        const input = checked(schemas[command], options);
        const changed = await setRetentionMonths(db, { teamId: input.team, months: input.months, memberId: null }, now());
        return { teamId: input.team, retentionMonths: changed.to, previous: changed.from };
      }
      case 'team audit': {
        const input = checked(schemas[command], options);
        const page = await readAudit(db, input.team, { before: null, limit: AUDIT_PAGE_MAX });
        return { teamId: input.team, entries: page.entries };
      }
      case 'retention run': {
        const input = checked(schemas[command], options);
        const results = input.team === undefined ? await purgeExpired(db, now()) : [await purgeExpiredForTeam(db, input.team, now())];
        for (const r of results) if (r.leads > 0) await rebuildRollupsOfTeam(db, r.teamId, now());
        return {
          teams: results.length,
          leads: results.reduce((sum, r) => sum + r.leads, 0),
          events: results.reduce((sum, r) => sum + r.events, 0),
          results,
        };
      }
      case 'member purge': {
        const purged = await purgeMember(db, checked(schemas[command], options).member, now());
        await rebuildRollupsOfTeam(db, purged.teamId, now());
        return purged;
      }
      case 'member add': {
        const input = checked(schemas[command], options);
        return await addMember(db, { teamId: input.team, name: input.name, role: input.role });
      }
      case 'member remove':
        return await removeMember(db, checked(schemas[command], options).member);
      case 'token rotate':
        return await rotateToken(db, checked(schemas[command], options).member);
      case 'pair': {
        const pairing = await createPairingCode(db, checked(schemas[command], options).member);
        return { code: pairing.code, expiresAt: new Date(pairing.expiresAt).toISOString() };
      }
    }
  } catch (error) {
    if (error instanceof DataError) throw new CliError(error.code, error.message);
    throw error;
  }
}

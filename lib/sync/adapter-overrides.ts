import { z } from 'zod/mini';
import { adapterOverrideSchema, overrideCrmSchema } from '../adapters/overrides/schema';
import { publishableUserAdapterSchema, userAdapterIdSchema } from '../adapters/user/team-schema';

// The team's fixes of built-in adapters as the team server sends them: one current version per
// CRM, who published it and when; and the whole "Add my CRM" adapters the manager published
// (versioned the same way, by their user-… id). Withdrawn ones are simply absent. zod/mini: the
// panel reads them on every CRM page, where classic zod would be ~26 kB gzip more to load.

/** Classic's `z.number().int().min(1)` and `.int().nonnegative()`: the same checks, in that order. */
const version = z.number().check(z.int(), z.minimum(1));
const epochMs = z.number().check(z.int(), z.nonnegative());
const author = z.string().check(z.maxLength(80));

/** More fixes than built-in CRMs is never a real team; the cap keeps the answer small. */
export const MAX_TEAM_OVERRIDES = 40;

export const teamAdapterOverrideSchema = z.object({
  crm: overrideCrmSchema,
  /** Per team and CRM: 1 for the first publication, +1 for every publication or withdrawal. */
  version,
  override: adapterOverrideSchema,
  updatedAt: epochMs,
  updatedBy: author,
});
export type TeamAdapterOverride = z.infer<typeof teamAdapterOverrideSchema>;

export const teamUserAdapterSchema = z.object({
  id: userAdapterIdSchema,
  version,
  adapter: publishableUserAdapterSchema,
  updatedAt: epochMs,
  updatedBy: author,
});
export type TeamUserAdapter = z.infer<typeof teamUserAdapterSchema>;

export const teamAdapterOverridesSchema = z.object({
  overrides: z.array(teamAdapterOverrideSchema).check(z.maxLength(MAX_TEAM_OVERRIDES)),
  /** Absent from servers that predate published user adapters. */
  userAdapters: z._default(z.array(teamUserAdapterSchema).check(z.maxLength(MAX_TEAM_OVERRIDES)), []),
});
export type TeamAdapterOverrides = z.infer<typeof teamAdapterOverridesSchema>;

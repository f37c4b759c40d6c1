import { z } from 'zod';
import { adapterOverrideSchema, overrideCrmSchema } from '../adapters/overrides/schema';
import { publishableUserAdapterSchema, userAdapterIdSchema } from '../adapters/user/team-schema';

// The team's fixes of built-in adapters as the team server sends them: one current version per
// CRM, who published it and when; and the whole "Add my CRM" adapters the manager published
// (versioned the same way, by their user-… id). Withdrawn ones are simply absent.

/** More fixes than built-in CRMs is never a real team; the cap keeps the answer small. */
export const MAX_TEAM_OVERRIDES = 40;

export const teamAdapterOverrideSchema = z.object({
  crm: overrideCrmSchema,
  /** Per team and CRM: 1 for the first publication, +1 for every publication or withdrawal. */
  version: z.number().int().min(1),
  override: adapterOverrideSchema,
  updatedAt: z.number().int().nonnegative(),
  updatedBy: z.string().max(80),
});
export type TeamAdapterOverride = z.infer<typeof teamAdapterOverrideSchema>;

export const teamUserAdapterSchema = z.object({
  id: userAdapterIdSchema,
  version: z.number().int().min(1),
  adapter: publishableUserAdapterSchema,
  updatedAt: z.number().int().nonnegative(),
  updatedBy: z.string().max(80),
});
export type TeamUserAdapter = z.infer<typeof teamUserAdapterSchema>;

export const teamAdapterOverridesSchema = z.object({
  overrides: z.array(teamAdapterOverrideSchema).max(MAX_TEAM_OVERRIDES),
  /** Absent from servers that predate published user adapters. */
  userAdapters: z.array(teamUserAdapterSchema).max(MAX_TEAM_OVERRIDES).default([]),
});
export type TeamAdapterOverrides = z.infer<typeof teamAdapterOverridesSchema>;

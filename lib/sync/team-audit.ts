import { z } from 'zod';
import { memberRoleSchema, visibilitySchema } from './wire';

// The team's change history as the server hands it to the manager: who changed what, when.
// Only setting names and enum values travel here, never the values of free-form settings.

export const AUDIT_KINDS = ['settings', 'visibility', 'retention', 'adapter_override', 'member_purged'] as const;
export const auditKindSchema = z.enum(AUDIT_KINDS);
export type AuditKind = z.infer<typeof auditKindSchema>;

/** A changed setting's path, e.g. `cadence.firstAttemptSlaMs` or `openingHours`. */
const settingPath = z.string().regex(/^[A-Za-z][A-Za-z0-9.-]{0,79}$/);

export const auditActorSchema = z.object({
  /** Stable within the team; the same label the board uses for this member. */
  pseudonym: z.string().max(40),
  /** The member's name: only a manager reads the audit, and a manager sees names. */
  name: z.string().max(100),
  role: memberRoleSchema,
});
export type AuditActor = z.infer<typeof auditActorSchema>;

export const auditEntrySchema = z.object({
  id: z.string().max(64),
  at: z.number().int().min(0),
  /** Null when the server's admin made the change from the command line. */
  actor: auditActorSchema.nullable(),
  kind: auditKindSchema,
  /** Setting names that changed (settings), or the adapter's id (adapter overrides). */
  changed: z.array(settingPath).max(100),
  /** Old and new value for the enum-like changes (visibility, retention months). */
  from: z.union([visibilitySchema, z.string().regex(/^[a-z0-9-]{1,64}$/)]).nullable(),
  to: z.union([visibilitySchema, z.string().regex(/^[a-z0-9-]{1,64}$/)]).nullable(),
  /** The settings version a settings change produced. */
  version: z.number().int().min(1).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: z.string().max(64).nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 200;

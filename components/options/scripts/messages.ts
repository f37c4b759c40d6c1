import { callScriptSchema, type CallScript } from '@/lib/domain/scripts';
import type { Translate } from '@/lib/i18n';
import type { ImportError } from '@/lib/storage/scripts-item';
import '@/lib/i18n/messages/options';

export type FieldErrors = Record<string, string>;

/** zod issues → messages keyed by the dotted path of the field they belong to. */
export function fieldErrors(t: Translate, draft: CallScript): FieldErrors {
  const parsed = callScriptSchema.safeParse({ ...draft, version: 1 });
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    if (errors[path]) continue;
    if (issue.code === 'too_small') {
      errors[path] = path === 'steps' ? t('options.scripts.error.noSteps') : t('options.scripts.error.required');
    } else if (issue.code === 'too_big') {
      errors[path] =
        issue.origin === 'string'
          ? t('options.scripts.error.tooLong', { max: Number(issue.maximum) })
          : t('options.scripts.error.tooMany', { max: Number(issue.maximum) });
    } else {
      errors[path] = t('options.scripts.error.invalid');
    }
  }
  return errors;
}

export function importErrorMessage(t: Translate, error: ImportError): string {
  let reason: string;
  switch (error.code) {
    case 'too_large':
      reason = t('options.scripts.importError.too_large', { max: error.max });
      break;
    case 'not_json':
      reason = t('options.scripts.importError.not_json', { reason: error.reason });
      break;
    case 'wrong_format':
      reason = t('options.scripts.importError.wrong_format');
      break;
    case 'unsupported_version':
      reason = t('options.scripts.importError.unsupported_version', { version: error.version });
      break;
    case 'too_many':
      reason = t('options.scripts.importError.too_many', { max: error.max });
      break;
    case 'invalid_script':
      reason = t('options.scripts.importError.invalid_script', {
        n: error.index + 1,
        name: error.name ?? '—',
        path: error.path,
        message: error.message,
      });
      break;
    case 'duplicate_id':
      reason = t('options.scripts.importError.duplicate_id', { id: error.id });
      break;
    case 'reserved_id':
      reason = t('options.scripts.importError.reserved_id', { id: error.id });
      break;
  }
  return t('options.scripts.importError', { reason });
}

export const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

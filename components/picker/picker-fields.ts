import type { UserField } from '@/lib/adapters/user/schema';
import { queryPierced } from '@/lib/adapters/user/query';
import type { MessageKey } from '@/lib/i18n';
import '@/lib/i18n/messages/picker';

/** The fields a dealer marks on their CRM's page, in the order the picker asks for them. */
export const FIELDS: { field: UserField; label: MessageKey; required?: boolean }[] = [
  { field: 'name', label: 'picker.field.name', required: true },
  { field: 'leadId', label: 'picker.field.leadId' },
  { field: 'receivedAt', label: 'picker.field.receivedAt' },
  { field: 'source', label: 'picker.field.source' },
  { field: 'phone', label: 'picker.field.phone' },
];

/** The text Leadpace would read for a selector: what the dealer checks before saving. */
export const previewOf = (doc: Document, selector: string) =>
  (queryPierced(doc, selector, 1)[0]?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);

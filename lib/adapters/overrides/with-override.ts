import type { LeadSnapshot } from '../../domain/model';
import { buildSnapshot, type SnapshotFields } from '../snapshot';
import type { CrmAdapter } from '../types';
import { readOverrideField } from './read-field';
import { OVERRIDE_FIELDS, type AdapterOverride, type OverrideField } from './schema';

// A fix laid over a built-in adapter: where its selectors find a value, that value wins; where
// they find nothing (the fix is older than the page, or the field is not in it) the built-in
// reading stays. The lead id, the anchor and the URL facts are always the built-in adapter's.

const SNAPSHOT_KEY: Record<OverrideField, keyof SnapshotFields> = {
  name: 'name',
  phone: 'phone',
  email: 'email',
  source: 'sourceRaw',
  vehicle: 'vehicle',
  receivedAt: 'receivedAt',
  status: 'statusRaw',
};

function fieldsOf(snapshot: LeadSnapshot): SnapshotFields {
  const { name, phone, email, sourceRaw, vehicle, receivedAt, statusRaw } = snapshot;
  return { name, phone, email, sourceRaw, vehicle, receivedAt, statusRaw };
}

export function applyOverride(snapshot: LeadSnapshot, doc: Document, override: AdapterOverride): LeadSnapshot {
  const fields = fieldsOf(snapshot);
  let changed = false;
  for (const field of OVERRIDE_FIELDS) {
    const selectors = override.fields[field];
    if (!selectors) continue;
    const value = readOverrideField(doc, field, selectors);
    if (value === undefined) continue;
    fields[SNAPSHOT_KEY[field]] = value;
    changed = true;
  }
  if (!changed) return snapshot;
  let url: URL;
  try {
    url = new URL(snapshot.url);
  } catch {
    return snapshot;
  }
  const next = buildSnapshot({ crm: snapshot.crm, leadId: snapshot.leadId, url }, () => fields);
  // buildSnapshot falls back to an id-only snapshot when the fields fail validation: the
  // built-in reading is then the better answer.
  return next && next.missing.length <= snapshot.missing.length ? next : snapshot;
}

/** The adapter with the fix applied; an override for another CRM leaves it as it is. */
export function withOverride(adapter: CrmAdapter, override: AdapterOverride | undefined): CrmAdapter {
  if (!override || override.crm !== adapter.id) return adapter;
  return {
    ...adapter,
    extract(doc: Document, url: URL): LeadSnapshot | null {
      const snapshot = adapter.extract(doc, url);
      if (!snapshot) return null;
      try {
        return applyOverride(snapshot, doc, override);
      } catch {
        return snapshot;
      }
    },
  };
}

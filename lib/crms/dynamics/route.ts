import { defineRoute } from '../define';

// Dynamics 365 online: crm.dynamics.com (North America) and crm2…crm21 for the other regions.
// Listed one by one: a `*.dynamics.com` pattern would also claim Business Central and
// Finance & Operations, which are different products.
export const DYNAMICS_MATCHES = [
  'https://*.crm.dynamics.com/*',
  ...Array.from({ length: 20 }, (_, i) => `https://*.crm${i + 2}.dynamics.com/*`),
];

// Entity type codes of the legacy web client (etc=4 lead, 2 contact, 3 opportunity).
export const DYNAMICS_ENTITIES: Readonly<Record<string, string>> = {
  lead: 'lead',
  contact: 'contact',
  opportunity: 'opportunity',
  '4': 'lead',
  '2': 'contact',
  '3': 'opportunity',
};

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** The record guid of a record-form URL, lower case without braces; null otherwise. */
export function dynamicsRecordId(url: URL): string | null {
  if (!/^\/main\.aspx$/i.test(url.pathname)) return null;
  // URLSearchParams has already decoded %7B…%7D.
  const params = url.searchParams;
  if ((params.get('pagetype') ?? '').toLowerCase() !== 'entityrecord') return null;
  const entity = (params.get('etn') ?? params.get('etc') ?? '').toLowerCase();
  if (DYNAMICS_ENTITIES[entity] === undefined) return null;
  const m = GUID.exec((params.get('id') ?? '').trim());
  return m?.[1] ? m[1].toLowerCase() : null;
}

export const DYNAMICS_ROUTE = defineRoute({
  id: 'dynamics',
  name: 'Microsoft Dynamics 365 Sales',
  matches: DYNAMICS_MATCHES,
  allFrames: false,
  isLeadUrl(url) {
    return dynamicsRecordId(url) !== null;
  },
});

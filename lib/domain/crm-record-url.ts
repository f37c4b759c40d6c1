/**
 * Where a CRM shows one record, for the CRMs whose record path depends on nothing but the record
 * id. The origin (host and port) is the one this browser last saw the CRM on, since a dealer's
 * CRM lives on its own host; most CRMs also need a tenant or object type in the path, which a
 * colleague's lead reference does not carry: for those the id is shown instead.
 */
const RECORD_URLS: Record<string, { fallbackOrigin: string; path: (recordId: string) => string }> = {
  demo: { fallbackOrigin: 'http://leadpace-demo.localhost', path: (id) => `/leads/${encodeURIComponent(id)}` },
};

export interface CrmRecord {
  crm: string;
  recordId: string;
  /** The record's page in the CRM, or null when the CRM's record address is not known. */
  url: string | null;
}

/**
 * Splits a local lead key (`crm:recordId`) and finds its page; null for a key of another shape.
 * `origins` maps a CRM id to the origin this browser knows it on.
 */
export function crmRecordOf(leadKey: string, origins: ReadonlyMap<string, string> = new Map()): CrmRecord | null {
  const colon = leadKey.indexOf(':');
  if (colon <= 0 || colon === leadKey.length - 1) return null;
  const crm = leadKey.slice(0, colon);
  const recordId = leadKey.slice(colon + 1);
  const route = Object.hasOwn(RECORD_URLS, crm) ? RECORD_URLS[crm] : undefined;
  return { crm, recordId, url: route ? `${origins.get(crm) ?? route.fallbackOrigin}${route.path(recordId)}` : null };
}

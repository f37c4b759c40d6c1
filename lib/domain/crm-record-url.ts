/**
 * Where a CRM shows one record, for the CRMs whose record address depends on nothing but the
 * record id. Most CRMs live on the dealer's own host or tenant (Salesforce, Dynamics, Zoho…),
 * which a colleague's lead reference does not carry: for those the id is shown instead.
 */
const RECORD_URLS: Record<string, (recordId: string) => string> = {
  demo: (id) => `http://leadpace-demo.localhost/leads/${encodeURIComponent(id)}`,
};

export interface CrmRecord {
  crm: string;
  recordId: string;
  /** The record's page in the CRM, or null when the CRM's record address is not known. */
  url: string | null;
}

/** Splits a local lead key (`crm:recordId`) and finds its page; null for a key of another shape. */
export function crmRecordOf(leadKey: string): CrmRecord | null {
  const colon = leadKey.indexOf(':');
  if (colon <= 0 || colon === leadKey.length - 1) return null;
  const crm = leadKey.slice(0, colon);
  const recordId = leadKey.slice(colon + 1);
  const build = Object.hasOwn(RECORD_URLS, crm) ? RECORD_URLS[crm] : undefined;
  return { crm, recordId, url: build ? build(recordId) : null };
}

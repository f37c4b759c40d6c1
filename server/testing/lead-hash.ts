import { createHmac } from 'node:crypto';

/**
 * The pseudonymous lead key the extension sends: HMAC-SHA256 of the local lead key
 * (`${crm}:${leadId}`) with the team key, lower-case hex. Node's crypto gives the same bytes
 * as WebCrypto's HMAC in the browser.
 */
export function hashLeadKey(teamKey: string, leadKey: string): string {
  return createHmac('sha256', teamKey).update(leadKey).digest('hex');
}

import { defineRoute } from '../define';

export const PIPEDRIVE_MATCHES = ['https://*.pipedrive.com/*'];

// Marketing, API and developer hosts share the domain but never show a record.
const NOT_APP_HOSTS = new Set(['www.pipedrive.com', 'api.pipedrive.com', 'developers.pipedrive.com', 'support.pipedrive.com']);

/**
 * `/person/{id}`, `/deal/{id}` (optionally a tab after it) and a lead opened in the leads inbox,
 * `/leads/inbox/{uuid}`. Groups: 1 kind and 2 numeric id, or 3 the lead's uuid.
 */
/**
 * The leads inbox: the list alone (`/leads/inbox`) or beside an open lead
 * (`/leads/inbox/{uuid}`, which is also a lead page). Archived leads are not new leads.
 */
export const PIPEDRIVE_LIST_PATH =
  /^\/leads\/inbox(?:\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?\/?$/i;

export const PIPEDRIVE_RECORD_PATH =
  /^\/(?:(person|deal)\/(\d{1,15})(?:\/[a-z-]{1,30})?|leads\/inbox\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))\/?$/i;

export const PIPEDRIVE_ROUTE = defineRoute({
  id: 'pipedrive',
  name: 'Pipedrive',
  matches: PIPEDRIVE_MATCHES,
  allFrames: false,
  isLeadUrl(url) {
    if (NOT_APP_HOSTS.has(url.hostname.toLowerCase())) return false;
    return PIPEDRIVE_RECORD_PATH.test(url.pathname);
  },
  isListUrl(url) {
    if (NOT_APP_HOSTS.has(url.hostname.toLowerCase())) return false;
    return PIPEDRIVE_LIST_PATH.test(url.pathname);
  },
});

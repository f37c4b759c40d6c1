import { defineRoute } from '../define';

// The app hosts of HubSpot's data centres; www/knowledge/community pages never show records.
export const HUBSPOT_MATCHES = [
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  'https://app-na2.hubspot.com/*',
  'https://app-na3.hubspot.com/*',
  'https://app-ap1.hubspot.com/*',
];

/**
 * Contact (0-1) and deal (0-3) records, optionally followed by a record tab
 * (`/view/1`, `/activity`); and the legacy `/contact/{vid}` and `/deal/{id}` pages.
 * Group 1: object type id or legacy name, group 2: record id.
 */
export const HUBSPOT_RECORD_PATH =
  /^\/contacts\/\d{1,12}\/(?:record\/(0-1|0-3)|(contact|deal))\/(\d{1,20})(?:\/[A-Za-z0-9/_-]*)?$/;

export const HUBSPOT_ROUTE = defineRoute({
  id: 'hubspot',
  name: 'HubSpot CRM',
  matches: HUBSPOT_MATCHES,
  allFrames: false,
  isLeadUrl(url) {
    return HUBSPOT_RECORD_PATH.test(url.pathname);
  },
});

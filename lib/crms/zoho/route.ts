import { defineRoute } from '../define';

/** Zoho CRM's data centres (US, EU, IN, AU, JP, CA); each is its own origin. */
export const ZOHO_MATCHES = [
  'https://crm.zoho.com/*',
  'https://crm.zoho.eu/*',
  'https://crm.zoho.in/*',
  'https://crm.zoho.com.au/*',
  'https://crm.zoho.jp/*',
  'https://crm.zohocloud.ca/*',
];

// Current UI: /crm/org{org}/tab/{Module}/{recordId}; Potentials is the API name of Deals.
export const ZOHO_RECORD_PATH = /^\/crm\/(?:org[A-Za-z0-9_-]{1,64}\/)?tab\/(Leads|Contacts|Potentials)\/(\d{6,25})\/?$/;
// Classic UI, still reachable from old bookmarks and e-mail notifications.
export const ZOHO_LEGACY_PATH = /^\/crm\/(?:org[A-Za-z0-9_-]{1,64}\/)?(?:Show)?EntityInfo\.do$/;
export const ZOHO_MODULES = new Set(['Leads', 'Contacts', 'Potentials']);

export const ZOHO_ROUTE = defineRoute({
  id: 'zoho',
  name: 'Zoho CRM',
  matches: ZOHO_MATCHES,
  allFrames: false,
  isLeadUrl(url) {
    if (ZOHO_RECORD_PATH.test(url.pathname)) return true;
    return (
      ZOHO_LEGACY_PATH.test(url.pathname) &&
      ZOHO_MODULES.has(url.searchParams.get('module') ?? '') &&
      /^\d{6,25}$/.test(url.searchParams.get('id') ?? '')
    );
  },
});

import { defineRoute } from '../define';

// Lightning Experience only: every My Domain and sandbox ("--sbx.sandbox.") lives under it.
export const SALESFORCE_MATCHES = ['https://*.lightning.force.com/*'];

/**
 * `/lightning/r/{Object}/{id}/view`, or the short `/lightning/r/{id}/view` Lightning also
 * resolves. Group 1: the object (absent in the short form), group 2: the 15/18-char id.
 */
export const SALESFORCE_RECORD_PATH =
  /^\/lightning\/r\/(?:(Lead|Contact|Opportunity)\/)?([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)\/view\/?$/;

// Key prefixes of Lead, Contact and Opportunity: the short form carries no object name.
export const SALESFORCE_LEAD_PREFIXES = ['00Q', '003', '006'];

/**
 * A list view of leads: `/lightning/o/Lead/list?filterName=…`, and the Lead object home, which
 * shows a list view too. Contact and opportunity lists hold records being worked, not new leads.
 */
export const SALESFORCE_LIST_PATH = /^\/lightning\/o\/Lead\/(?:list|home)\/?$/;

export const SALESFORCE_ROUTE = defineRoute({
  id: 'salesforce',
  name: 'Salesforce (Lightning, Automotive Cloud)',
  matches: SALESFORCE_MATCHES,
  allFrames: false,
  isLeadUrl(url) {
    const m = SALESFORCE_RECORD_PATH.exec(url.pathname);
    if (!m?.[2]) return false;
    return m[1] !== undefined || SALESFORCE_LEAD_PREFIXES.includes(m[2].slice(0, 3));
  },
  isListUrl(url) {
    return SALESFORCE_LIST_PATH.test(url.pathname);
  },
});

import { defineRoute } from '../define';

// FordDirect CRM is eLead under another domain; the same pages, ids and frames.
export const ELEAD_MATCHES = ['https://*.eleadcrm.com/*', 'https://*.forddirectcrm.com/*'];

// The version folder ("elead-v45", "eLead-V45") varies by tenant and casing, the page does not.
const OPPTY_PATH = /\/elead_track\/newprospects\/opptydetails\.aspx$/i;
const PROSPECT_ID = /^\d{1,18}$/;
// Report drill-downs (customReport.aspx, the desk log's pages) list prospects in a `gridview`
// table whose "Prospect" column links each row to its OpptyDetails page.
const LIST_PATH = /\/elead_track\/reports\/(?:customreport\.aspx|desklog\/[a-z0-9_]{1,60}\.aspx)$/i;

export const ELEAD_ROUTE = defineRoute({
  id: 'elead',
  name: 'eLead CRM (CDK) / FordDirect CRM',
  matches: ELEAD_MATCHES,
  // The opportunity page is usually a frame of elead_track/index.aspx.
  allFrames: true,
  isLeadUrl(url) {
    if (!OPPTY_PATH.test(url.pathname)) return false;
    // The opportunity (lDID) is the lead; the person (lPID), when given, must be well formed.
    let opportunity = false;
    for (const [key, value] of url.searchParams) {
      const name = key.toLowerCase();
      if (name === 'ldid') opportunity = PROSPECT_ID.test(value.trim());
      else if (name === 'lpid' && !PROSPECT_ID.test(value.trim())) return false;
    }
    return opportunity;
  },
  isListUrl(url) {
    return LIST_PATH.test(url.pathname);
  },
});

import { defineRoute } from '../define';

export const VINSOLUTIONS_MATCHES = ['https://vinsolutions.app.coxautoinc.com/*', 'https://apps.vinmanager.com/*'];

// Lead content is rendered by ASP.NET pages in frames under /CarDashboard/Pages/; the
// /vinconnect/ shell around them never holds a lead itself.
const FRAME_PAGE = /^\/cardashboard\/pages\/[^?#]*\.aspx$/i;
// Popups that carry the ids but are not a lead view (log a call, texting, AI replies).
const NOT_A_VIEW = /(logcall|communication|texting|genaihost|print)/i;
const LEAD_VIEW = /\/(customerdashboard|customerdetail|leaddetail|leadinformation|activeleadpanel)[^/]*\.aspx$/i;
const ID_PARAM = /^(autoleadid|globalcustomerid)$/i;
// The Lead Management left pane's lists of new leads ("LeadBucket", "ActiveLeads_NewLeadList"),
// frames of ActiveLeadsLayout.aspx that auto-refresh.
const LIST_VIEW = /^\/cardashboard\/pages\/leadmanagement\/(?:leadbucket|activeleads_newleadlist)\.aspx$/i;

export const VINSOLUTIONS_ROUTE = defineRoute({
  id: 'vinsolutions',
  name: 'VinSolutions Connect (Cox Automotive)',
  matches: VINSOLUTIONS_MATCHES,
  allFrames: true,
  isLeadUrl(url) {
    const path = url.pathname;
    if (!FRAME_PAGE.test(path) || NOT_A_VIEW.test(path)) return false;
    if (LEAD_VIEW.test(path)) return true;
    for (const [key, value] of url.searchParams) {
      if (ID_PARAM.test(key) && /^\d{1,18}$/.test(value.trim()) && value.trim() !== '0') return true;
    }
    return false;
  },
  isListUrl(url) {
    return LIST_VIEW.test(url.pathname);
  },
});

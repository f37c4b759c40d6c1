import { defineRoute } from '../define';

/** Origins of the fake dealer CRM used by the demo and the end-to-end tests (any port). */
export const DEMO_CRM_MATCHES = ['http://leadpace-demo.localhost/*'];

export const DEMO_LEAD_PATH = /^\/leads\/([A-Za-z0-9][A-Za-z0-9_-]{0,63})\/?$/;
// The fake CRM shows its polling lead inbox at the root and at /leads.
const DEMO_LIST_PATH = /^\/(?:leads\/?)?$/;

export const DEMO_ROUTE = defineRoute({
  id: 'demo',
  name: 'Demo CRM (AutoHuis)',
  matches: DEMO_CRM_MATCHES,
  allFrames: false,
  isLeadUrl: (url) => DEMO_LEAD_PATH.test(url.pathname),
  isListUrl: (url) => DEMO_LIST_PATH.test(url.pathname),
});

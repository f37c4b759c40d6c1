import { matchesAny } from './match-pattern';
// Route imports: one line per adapter (lib/adapters/<id>.route.ts).
import { PIPEDRIVE_ROUTE } from './pipedrive.route';
import { HUBSPOT_ROUTE } from './hubspot.route';
import { SALESFORCE_ROUTE } from './salesforce.route';
import { ZOHO_ROUTE } from './zoho.route';
import { DYNAMICS_ROUTE } from './dynamics.route';
import { CARFLOW_ROUTE } from './carflow.route';
import { DRIVECENTRIC_ROUTE } from './drivecentric.route';
import { ELEAD_ROUTE } from './elead.route';
import { VINSOLUTIONS_ROUTE } from './vinsolutions.route';

/**
 * Which URLs of a CRM can show a lead. Kept apart from the adapters' extraction code: the
 * detector content script that runs on every CRM page imports only this (and the match
 * pattern helper), so a page that is not a lead page costs almost nothing.
 */
export interface CrmRoute {
  id: string;
  matches: string[];
  allFrames: boolean;
  isLeadPage(url: URL): boolean;
  /**
   * True when this URL shows an inbox or list of leads that Leadpace can read new leads from
   * (lib/adapters/lists/). Optional: a CRM without a known list page never needs the panel
   * bundle there.
   */
  isListPage?(url: URL): boolean;
}

/** Origins of the fake dealer CRM used by the demo and the end-to-end tests. */
export const DEMO_CRM_MATCHES = ['http://leadpace-demo.localhost/*'];

const DEMO_LEAD_PATH = /^\/leads\/([A-Za-z0-9][A-Za-z0-9_-]{0,63})\/?$/;
// The fake CRM shows its polling lead inbox at the root and at /leads.
const DEMO_LIST_PATH = /^\/(?:leads\/?)?$/;

export const DEMO_ROUTE: CrmRoute = {
  id: 'demo',
  matches: DEMO_CRM_MATCHES,
  allFrames: false,
  isLeadPage(url) {
    try {
      return matchesAny(DEMO_CRM_MATCHES, url) && DEMO_LEAD_PATH.test(url.pathname);
    } catch {
      return false;
    }
  },
  isListPage(url) {
    try {
      return matchesAny(DEMO_CRM_MATCHES, url) && DEMO_LIST_PATH.test(url.pathname);
    } catch {
      return false;
    }
  },
};

export const ROUTES: readonly CrmRoute[] = [
  DEMO_ROUTE,
  // Built-in CRM routes: one line per adapter.
  PIPEDRIVE_ROUTE,
  HUBSPOT_ROUTE,
  SALESFORCE_ROUTE,
  ZOHO_ROUTE,
  DYNAMICS_ROUTE,
  CARFLOW_ROUTE,
  ELEAD_ROUTE,
  VINSOLUTIONS_ROUTE,
  DRIVECENTRIC_ROUTE,
];

export function routeForUrl(url: URL, routes: readonly CrmRoute[] = ROUTES): CrmRoute | undefined {
  return routes.find((route) => matchesAny(route.matches, url));
}

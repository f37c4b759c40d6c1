import { matchesAny } from '../adapters/match-pattern';
import type { CrmRoute } from './define';
// One line per CRM folder (lib/crms/<id>/route.ts); tests/conventions/crm-folders.test.ts checks
// that this list, the adapters and the list readers name the same folders.
import { CARFLOW_ROUTE } from './carflow/route';
import { DEMO_ROUTE } from './demo/route';
import { DRIVECENTRIC_ROUTE } from './drivecentric/route';
import { DYNAMICS_ROUTE } from './dynamics/route';
import { ELEAD_ROUTE } from './elead/route';
import { HUBSPOT_ROUTE } from './hubspot/route';
import { PIPEDRIVE_ROUTE } from './pipedrive/route';
import { SALESFORCE_ROUTE } from './salesforce/route';
import { VINSOLUTIONS_ROUTE } from './vinsolutions/route';
import { ZOHO_ROUTE } from './zoho/route';

export type { CrmRoute } from './define';
export { DEMO_CRM_MATCHES } from './demo/route';

/**
 * Every built-in CRM's URL facts. The detector content script and the background import only
 * this, never the extraction code. Order matters only if two ever claimed the same origin.
 */
export const ROUTES: readonly CrmRoute[] = [
  DEMO_ROUTE,
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

import { ROUTES, type CrmRoute } from '@/lib/crms/routes';

/**
 * A built-in CRM's URL facts by id. The worker asks only these (which origins a CRM's pages
 * come from), so it never loads the adapters' extraction code.
 */
export function routeById(id: string, routes: readonly CrmRoute[] = ROUTES): CrmRoute | undefined {
  return routes.find((route) => route.id === id);
}

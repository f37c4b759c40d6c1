// Kept free of DOM code: wxt.config.ts imports this at build time.
import { DEMO_CRM_MATCHES, ROUTES } from './routes';

export { DEMO_CRM_MATCHES };

/** Every built-in adapter's origins, as match patterns (for permissions and the e2e build). */
export function builtInCrmOrigins(): string[] {
  return [...new Set(ROUTES.flatMap((route) => route.matches))];
}

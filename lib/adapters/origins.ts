// Kept free of DOM code: wxt.config.ts imports this at build time.

/** Origins of the fake dealer CRM used by the demo and the end-to-end tests. */
export const DEMO_CRM_MATCHES = ['http://leadpace-demo.localhost/*'];

/** Every built-in adapter's origins, as match patterns. */
export function builtInCrmOrigins(): string[] {
  return [...DEMO_CRM_MATCHES];
}

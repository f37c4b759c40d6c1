/** The host part of a match pattern: `https://*.crm4.dynamics.com/*` → `*.crm4.dynamics.com`. */
export function patternHost(pattern: string): string {
  const match = /^(?:\*|https?):\/\/([^/]+)/.exec(pattern);
  return match?.[1] ?? pattern;
}

/** The last two labels, where regional copies of one CRM differ only in front of them. */
const siteOf = (host: string): string => host.replace(/^\*\./, '').split('.').slice(-2).join('.');

/**
 * The hosts a CRM runs on, as a person reads them: one name per site, and a site with
 * several regional hosts (Dynamics' crm, crm2 … crm21) shown once as `*.dynamics.com`.
 */
export function crmHostNames(matches: readonly string[]): string[] {
  const bySite = new Map<string, Set<string>>();
  for (const pattern of matches) {
    const host = patternHost(pattern);
    const site = siteOf(host);
    const hosts = bySite.get(site) ?? new Set<string>();
    hosts.add(host);
    bySite.set(site, hosts);
  }
  return [...bySite.entries()].map(([site, hosts]) => {
    const [only] = hosts;
    return hosts.size === 1 && only !== undefined ? only : `*.${site}`;
  });
}

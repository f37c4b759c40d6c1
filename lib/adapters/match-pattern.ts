/**
 * WebExtension match patterns (`<scheme>://<host><path>`), as Chrome applies them to decide
 * where content scripts run — kept pure so the registry and its tests agree with the browser.
 * Not a full URLPattern: scheme, host with a leading `*.` wildcard, optional port, path glob.
 */

export interface ParsedMatchPattern {
  schemes: readonly string[];
  /** '*' for any host; otherwise lower-case host, with `wildcardSubdomains` for `*.host`. */
  host: string;
  wildcardSubdomains: boolean;
  /** undefined: any port (a pattern without a port); '*': any port, explicitly. */
  port: string | undefined;
  path: RegExp;
}

const ALL_URLS_SCHEMES = ['http', 'https', 'ws', 'wss', 'ftp', 'file'];
const KNOWN_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'file', 'urn', 'data']);
const PATTERN_RE = /^(\*|[a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)$/;

function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`, 's');
}

/** Parses a match pattern; null when it is not a valid one. */
export function parseMatchPattern(pattern: string): ParsedMatchPattern | null {
  if (typeof pattern !== 'string') return null;
  if (pattern === '<all_urls>') {
    return { schemes: ALL_URLS_SCHEMES, host: '*', wildcardSubdomains: false, port: undefined, path: /^.*$/s };
  }
  const m = PATTERN_RE.exec(pattern);
  if (!m) return null;
  const [, scheme = '', hostPart = '', path = '/'] = m;
  if (scheme !== '*' && !KNOWN_SCHEMES.has(scheme)) return null;

  let host = hostPart.toLowerCase();
  let port: string | undefined;
  const portMatch = /^(.*[^\]]|\[[^\]]*\]):(\d{1,5}|\*)$/.exec(host);
  if (portMatch) {
    host = portMatch[1] ?? '';
    port = portMatch[2];
  }
  if (scheme === 'file') {
    if (host !== '' && host !== '*') return null;
  } else if (host === '') {
    return null;
  }
  let wildcardSubdomains = false;
  if (host.startsWith('*.')) {
    wildcardSubdomains = true;
    host = host.slice(2);
    if (host.length === 0) return null;
  }
  if (host !== '*' && host.includes('*')) return null;

  return {
    schemes: scheme === '*' ? ['http', 'https'] : [scheme],
    host,
    wildcardSubdomains,
    port,
    path: globToRegExp(path),
  };
}

function defaultPort(protocol: string): string {
  if (protocol === 'http' || protocol === 'ws') return '80';
  if (protocol === 'https' || protocol === 'wss') return '443';
  if (protocol === 'ftp') return '21';
  return '';
}

// The detector checks every URL of a CRM page against a few dozen patterns: parsing each
// pattern (and building its path RegExp) once per page, not once per check, is most of its cost.
const parsedPatterns = new Map<string, ParsedMatchPattern | null>();
const MAX_PARSED = 512;

function parsedPattern(pattern: string): ParsedMatchPattern | null {
  const known = parsedPatterns.get(pattern);
  if (known !== undefined) return known;
  const parsed = parseMatchPattern(pattern);
  if (parsedPatterns.size >= MAX_PARSED) parsedPatterns.clear();
  parsedPatterns.set(pattern, parsed);
  return parsed;
}

/** Whether `url` is covered by `pattern`. Invalid patterns and URLs match nothing. */
export function matchesPattern(pattern: string, url: URL | string): boolean {
  try {
    const parsed = parsedPattern(pattern);
    if (!parsed) return false;
    const u = typeof url === 'string' ? new URL(url) : url;
    const protocol = u.protocol.replace(/:$/, '');
    if (!parsed.schemes.includes(protocol)) return false;

    const hostname = u.hostname.toLowerCase().replace(/\.$/, '');
    if (parsed.host !== '*') {
      const matchesHost =
        hostname === parsed.host || (parsed.wildcardSubdomains && hostname.endsWith(`.${parsed.host}`));
      if (!matchesHost) return false;
    }
    if (parsed.port !== undefined && parsed.port !== '*') {
      const port = u.port === '' ? defaultPort(protocol) : u.port;
      if (port !== parsed.port) return false;
    }
    // Chrome matches the path together with the query string, never the fragment.
    return parsed.path.test(`${u.pathname}${u.search}`);
  } catch {
    return false;
  }
}

/** Whether any of `patterns` covers `url`. */
export function matchesAny(patterns: readonly string[], url: URL | string): boolean {
  return patterns.some((pattern) => matchesPattern(pattern, url));
}

import { PIERCE } from '../adapters/user/schema';
import { queryPierced } from '../adapters/user/query';

// Candidate CSS selectors for a picked element, uBlock-style: from its id, its stable
// attributes, classes, tag and position, best first. Selectors end up in a JSON file a team
// lead shares, so they must never carry customer data: attribute values that look like data
// (digits, @, spaces, the element's own text) are never used.

/** Ids and classes that frameworks generate and that change between page loads or builds. */
const GENERATED = [
  /\d{3,}/, // ember123, ext-gen1234, j_idt456
  /[0-9a-f]{8,}/i, // hashes, uuids
  /^(?:ember|ext-|yui|react-|mui-|:r|radix-|headlessui-|rc-|ng-|el-id-|gwt-|x-auto)/i,
  /^(?:css|sc|jsx|svelte|emotion|styled)-[a-z0-9]+$/i, // CSS-in-JS class names
  /^_?[a-zA-Z]{1,3}(?=[a-zA-Z]*\d)[a-zA-Z0-9]{4,}$/, // minified module classes like _a1B2c or xY3k9 (btnSave is not)
  /[-_](?=[a-z]*\d[a-z]*\d)(?=\d*[a-z])[a-z0-9]{4,}$/i, // suffixes mixing letters and 2+ digits: MuiBox-root-12ab (h2-title, address-line1 are not)
];

export function looksGenerated(token: string): boolean {
  return token.length > 40 || GENERATED.some((re) => re.test(token));
}

/** Attributes whose values are usually set by developers, not by customers. */
const STABLE_ATTRIBUTES = [
  'data-testid', 'data-test-id', 'data-test', 'data-qa', 'data-cy', 'data-field', 'data-field-name',
  'data-name', 'data-id', 'data-role', 'data-label', 'data-key', 'data-column', 'data-type', 'data-target-selection-name',
  'name', 'itemprop', 'role', 'for', 'headers', 'field-label',
];

const SAFE_VALUE = /^[A-Za-z_][\w.:-]{0,60}$/;

function cssEscape(value: string): string {
  return typeof CSS !== 'undefined' && typeof CSS.escape === 'function'
    ? CSS.escape(value)
    : value.replace(/[^\w-]/g, (ch) => `\\${ch}`);
}

function attributeSelector(name: string, value: string): string {
  return `[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;
}

function safeValue(el: Element, value: string): boolean {
  if (!SAFE_VALUE.test(value) || looksGenerated(value)) return false;
  const text = (el.textContent ?? '').trim().toLowerCase();
  return text.length === 0 || !text.includes(value.toLowerCase());
}

function stableClasses(el: Element): string[] {
  return Array.from(el.classList).filter((name) => SAFE_VALUE.test(name) && !looksGenerated(name)).slice(0, 3);
}

/** Selectors that name the element by itself (no ancestors), best first. */
function ownSelectors(el: Element): string[] {
  const tag = el.tagName.toLowerCase();
  const out: string[] = [];
  // An id is an attribute value like any other: one that repeats the element's text is data.
  if (el.id && safeValue(el, el.id)) out.push(`#${cssEscape(el.id)}`);
  for (const name of STABLE_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value && safeValue(el, value)) out.push(`${tag}${attributeSelector(name, value)}`);
  }
  for (const attr of Array.from(el.attributes)) {
    if (!attr.name.startsWith('data-') || STABLE_ATTRIBUTES.includes(attr.name)) continue;
    if (attr.value && safeValue(el, attr.value)) out.push(`${tag}${attributeSelector(attr.name, attr.value)}`);
  }
  const classes = stableClasses(el);
  if (classes.length > 0) out.push(`${tag}.${classes.map(cssEscape).join('.')}`);
  return out;
}

/** This element's step below its parent, e.g. `dd:nth-of-type(3)`. */
function positionalStep(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const parent = el.parentElement;
  if (!parent) return tag;
  const sameTag = Array.from(parent.children).filter((child) => child.tagName === el.tagName);
  const classes = stableClasses(el);
  const base = classes.length > 0 ? `${tag}.${classes.map(cssEscape).join('.')}` : tag;
  return sameTag.length === 1 ? base : `${base}:nth-of-type(${sameTag.indexOf(el) + 1})`;
}

type Scope = Document | ShadowRoot;

function countIn(scope: Scope, selector: string): number {
  try {
    return scope.querySelectorAll(selector).length;
  } catch {
    return 0;
  }
}

function findsFirst(scope: Scope, selector: string, el: Element): boolean {
  try {
    return scope.querySelector(selector) === el;
  } catch {
    return false;
  }
}

/** Selectors within one scope (document or shadow root) that find `el` first. */
function selectorsInScope(el: Element, scope: Scope, max: number): string[] {
  const found: string[] = [];
  const add = (selector: string) => {
    if (!found.includes(selector) && findsFirst(scope, selector, el)) found.push(selector);
  };
  // Unique selectors of the element itself are the most robust.
  for (const selector of ownSelectors(el)) if (countIn(scope, selector) === 1) add(selector);
  // Then: anchored at the nearest ancestors that have a stable name of their own.
  let steps = [positionalStep(el)];
  let ancestor = el.parentElement;
  for (let depth = 0; ancestor && depth < 8 && found.length < max; depth += 1) {
    const anchor = ownSelectors(ancestor).find((selector) => countIn(scope, selector) === 1);
    if (anchor) {
      add(`${anchor} ${ownSelectors(el).at(-1) ?? el.tagName.toLowerCase()}`);
      add(`${anchor} > ${steps.join(' > ')}`);
    }
    steps = [positionalStep(ancestor), ...steps];
    ancestor = ancestor.parentElement;
  }
  // Last resort: the full position from the top of the scope.
  if (found.length === 0) {
    const path: string[] = [];
    for (let node: Element | null = el; node && node.tagName !== 'HTML'; node = node.parentElement) path.unshift(positionalStep(node));
    add(path.join(' > '));
  }
  // Non-unique own selectors last: they still find the element first, but depend on order.
  for (const selector of ownSelectors(el)) add(selector);
  return found.slice(0, max);
}

/** The frame element that holds `doc`, when the frame is same-origin with its parent. */
function frameElementOf(doc: Document): Element | null {
  try {
    return doc.defaultView?.frameElement ?? null;
  } catch {
    return null;
  }
}

/**
 * Selectors for `el`, as seen from `top`: through open shadow roots and same-origin frames
 * with " >>> " steps. Best first; each one finds `el` first.
 */
export function candidateSelectors(el: Element, top: Document, max = 5): string[] {
  const root = el.getRootNode();
  let outer: { host: Element; scope: Scope } | null = null;
  if (typeof ShadowRoot !== 'undefined' && root instanceof ShadowRoot) outer = { host: root.host, scope: root };
  else if (root !== top && root.nodeType === 9) {
    const frame = frameElementOf(root as Document);
    if (frame) outer = { host: frame, scope: root as Document };
  }
  if (!outer) return selectorsInScope(el, top, max);
  const inner = selectorsInScope(el, outer.scope, max);
  const hosts = candidateSelectors(outer.host, top, 2);
  const combined: string[] = [];
  for (const host of hosts) for (const selector of inner) combined.push(`${host}${PIERCE}${selector}`);
  return combined.filter((selector) => queryPierced(top, selector, 1)[0] === el).slice(0, max);
}

/** How many elements a selector finds on the page, through shadow roots and frames. */
export function matchCount(top: Document, selector: string): number {
  return queryPierced(top, selector, 1000).length;
}

/**
 * The element under a point, looking through our own overlay (`ignore`) and into open
 * shadow roots and same-origin frames.
 */
export function elementAt(doc: Document, x: number, y: number, ignore: (el: Element) => boolean): Element | null {
  let hit: Element | null = null;
  try {
    hit = doc.elementsFromPoint(x, y).find((el) => !ignore(el)) ?? null;
  } catch {
    return null;
  }
  // Descend into open shadow roots, which report their host at the outer level.
  for (let depth = 0; hit?.shadowRoot && depth < 10; depth += 1) {
    const inner = hit.shadowRoot.elementsFromPoint(x, y).find((el) => !ignore(el) && el !== hit);
    if (!inner) break;
    hit = inner;
  }
  if (hit && (hit.tagName === 'IFRAME' || hit.tagName === 'FRAME')) {
    let inner: Document | null = null;
    try {
      inner = (hit as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    if (inner) {
      const rect = hit.getBoundingClientRect();
      return elementAt(inner, x - rect.left, y - rect.top, ignore) ?? hit;
    }
  }
  return hit;
}

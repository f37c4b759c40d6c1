import { PIERCE } from './schema';

// Selectors of user adapters may step into open shadow roots and same-origin frames with
// " >>> " (the picker writes them that way). Everything here fails soft: a selector that no
// longer parses or a frame that became cross-origin simply finds nothing.

type Scope = Document | ShadowRoot | Element;

function innerScope(el: Element): Scope | null {
  if (el.shadowRoot) return el.shadowRoot;
  if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') {
    try {
      return (el as HTMLIFrameElement).contentDocument;
    } catch {
      return null; // cross-origin: the browser says no, and so do we
    }
  }
  return null;
}

function queryAllIn(scope: Scope, selector: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** Shadow roots and frames one step may lead into: repeated widgets fit, a hostile page stays cheap. */
const MAX_SCOPES = 500;

/** Every element a (possibly piercing) selector finds, capped so a page costs little. */
export function queryPierced(root: Document, selector: string, limit = 50): Element[] {
  const steps = selector.split(PIERCE);
  let scopes: Scope[] = [root];
  for (const [index, step] of steps.entries()) {
    if (index === steps.length - 1) {
      const found: Element[] = [];
      for (const scope of scopes) {
        for (const el of queryAllIn(scope, step)) {
          found.push(el);
          if (found.length >= limit) return found;
        }
      }
      return found;
    }
    // `limit` caps the result only: an earlier step must look past hosts that hold no match
    // (and past matches without a shadow root or frame), or the first match hides the rest.
    const next: Scope[] = [];
    for (const scope of scopes) {
      for (const el of queryAllIn(scope, step)) {
        const inner = innerScope(el);
        if (inner) next.push(inner);
        if (next.length >= MAX_SCOPES) break;
      }
      if (next.length >= MAX_SCOPES) break;
    }
    if (next.length === 0) return [];
    scopes = next;
  }
  return [];
}

/** The first element of the first selector that finds one: the picked selector, then fallbacks. */
export function firstPierced(root: Document, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const [first] = queryPierced(root, selector, 1);
    if (first) return first;
  }
  return null;
}

/** The light-DOM part of a selector: what must exist in the document before we look deeper. */
export function outermostStep(selector: string): string {
  return selector.split(PIERCE)[0] ?? selector;
}

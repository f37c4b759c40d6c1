/**
 * Addresses a browser hands to the phone app (a softphone, the dealer's VoIP client, a paired
 * mobile): following one starts a call, the page itself stays where it is.
 */
const CALL_SCHEMES = ['tel:', 'callto:', 'sip:', 'sips:'] as const;

export const isCallAddress = (url: URL): boolean => (CALL_SCHEMES as readonly string[]).includes(url.protocol);

/** Links that place a call, whatever case the CRM writes the scheme in. */
export const CALL_LINKS = CALL_SCHEMES.map((scheme) => `a[href^="${scheme}" i]`).join(', ');

/** `element.matches`, where a selector this browser cannot parse simply matches nothing. */
function matchesSafely(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

/**
 * The call link or click-to-call control (`hooks`: the CRM's own, from its adapter) a click
 * landed on, or null. Walks the click's composed path, so a control inside a CRM widget's open
 * shadow root counts too; one broken hook never hides the others.
 */
export function callControlOf(event: Event, hooks: readonly string[]): Element | null {
  const selectors = [CALL_LINKS, ...hooks];
  for (const target of event.composedPath()) {
    if (!(target instanceof Element)) continue;
    if (selectors.some((selector) => matchesSafely(target, selector))) return target;
  }
  return null;
}

/**
 * Scrolls the panel's own body (not the CRM page) so `element` shows: at the top for a section
 * just unfolded, just enough for controls that opened. `Element.scrollIntoView` would also
 * scroll the page under a fixed panel on some CRMs.
 */
export function revealInPanel(element: HTMLElement | null, align: 'start' | 'nearest'): void {
  const body = element?.closest('.lp-body');
  if (!element || !(body instanceof HTMLElement)) return;
  const top = element.offsetTop;
  const bottom = top + element.offsetHeight;
  if (align === 'start') body.scrollTop = top;
  else if (bottom > body.scrollTop + body.clientHeight) body.scrollTop = Math.min(top, bottom - body.clientHeight);
  else if (top < body.scrollTop) body.scrollTop = top;
}

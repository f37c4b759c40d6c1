// Reading an element's text the way a person sees it: form values, chosen options, collapsed
// whitespace, and a CRM's "nothing here" placeholders treated as nothing.

export const DEFAULT_MAX = 300;

export function collapse(text: string, max: number): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= max) return collapsed;
  // Cut on a code point boundary so the result is still valid text.
  return Array.from(collapsed).slice(0, max).join('').trim();
}

export function isElement(node: Node | null | undefined): node is Element {
  return node !== null && node !== undefined && node.nodeType === 1;
}

export function isFormControl(el: Element): boolean {
  return el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA';
}

/**
 * Visible-ish text of an element: the value of a form control (the chosen option's label for a
 * select), otherwise its text content. Trimmed, single-spaced, at most `max` characters; '' when
 * there is nothing.
 */
export function textOf(el: Element | null | undefined, max = DEFAULT_MAX): string {
  try {
    if (!isElement(el)) return '';
    if (el.tagName === 'SELECT') {
      const select = el as HTMLSelectElement;
      const option = select.selectedOptions?.[0] ?? select.querySelector('option[selected]');
      return collapse(option?.textContent ?? '', max);
    }
    if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') {
      const control = el as HTMLInputElement | HTMLTextAreaElement;
      return collapse(control.value ?? '', max);
    }
    return collapse(el.textContent ?? '', max);
  } catch {
    return '';
  }
}

/** textOf, but undefined instead of '' — convenient for optional snapshot fields. */
export function optionalText(el: Element | null | undefined, max = DEFAULT_MAX): string | undefined {
  const text = textOf(el, max);
  return text.length > 0 ? text : undefined;
}

const PLACEHOLDERS = new Set([
  '-', '--', '—', '–', '...', '…', 'n/a', 'na', 'nvt', 'n.v.t.', 'onbekend', 'geen', 'leeg',
  'unknown', 'none', 'null', 'undefined', 'not set', 'unbekannt', 'keine', 'inconnu', 'aucun',
]);

/** Text unless it is a CRM's "nothing here" placeholder ("—", "Onbekend", "n/a"). */
export function meaningful(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (trimmed.length === 0 || PLACEHOLDERS.has(trimmed.toLowerCase())) return undefined;
  return trimmed;
}

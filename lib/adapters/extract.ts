/**
 * Generic, never-throwing DOM reading helpers shared by the CRM adapters. They read text only:
 * nothing here writes to the page.
 */

import { collapse, DEFAULT_MAX, isElement, isFormControl, textOf } from './element-text';
import { MAX_LABEL_TEXT, normaliseLabel } from './labels';

export { LABELS, normaliseLabel, type LabelKey } from './labels';
export { meaningful, optionalText, textOf } from './element-text';

// Upper bounds so that a huge page costs milliseconds, not seconds.
const MAX_LABEL_CANDIDATES = 5_000;
const MAX_TEXT_NODES = 20_000;

const SKIP_TEXT_IN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION', 'TEXTAREA', 'TITLE']);
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, spelled out so this works without a window global.

/** The first element matching any selector, in selector order; invalid selectors are skipped. */
export function firstMatch(root: ParentNode | null | undefined, selectors: readonly string[]): Element | null {
  if (!root) return null;
  for (const selector of selectors) {
    try {
      const found = root.querySelector(selector);
      if (found) return found;
    } catch {
      // An invalid selector in adapter data must not break extraction of the other fields.
    }
  }
  return null;
}

function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector)).slice(0, MAX_LABEL_CANDIDATES);
  } catch {
    return [];
  }
}

function ownerDocumentOf(root: ParentNode): Document | null {
  const node = root as Node;
  if (node.nodeType === 9) return node as Document;
  return node.ownerDocument ?? null;
}

function contains(root: ParentNode, node: Node): boolean {
  const r = root as Node;
  return r === node || r.contains(node);
}

function hasContent(el: Element | null | undefined): el is Element {
  return isElement(el) && (isFormControl(el) || textOf(el, 1).length > 0 || el.querySelector('input, select, textarea, time, a[href]') !== null);
}

// Icons and line breaks sit between labels and values without being either.
const DECORATIVE = new Set(['I', 'SVG', 'IMG', 'BR', 'WBR']);
// Labels and controls we handle structurally; climbing past them would read a neighbour.
const NOT_A_VALUE = new Set(['DT', 'TH', 'LABEL', 'OPTION', 'BUTTON', 'SCRIPT', 'STYLE', 'TEMPLATE']);

/**
 * The first meaningful node after `start`: an element with content, or non-empty text. An empty
 * element ends the search — that is an empty value, not a reason to read the next field.
 */
function valueAfter(start: Node): Found | 'empty' | null {
  for (let sibling = start.nextSibling; sibling; sibling = sibling.nextSibling) {
    if (isElement(sibling)) {
      if (DECORATIVE.has(sibling.tagName.toUpperCase()) && textOf(sibling, 1).length === 0) continue;
      if (NOT_A_VALUE.has(sibling.tagName) || !hasContent(sibling)) return 'empty';
      return { el: sibling };
    }
    if (sibling.nodeType === 3) {
      const text = collapse(sibling.nodeValue ?? '', DEFAULT_MAX);
      if (text.length > 0) return { text };
    }
  }
  return null;
}

function nextNonEmptySibling(el: Element): Element | null {
  const found = valueAfter(el);
  return found && found !== 'empty' ? (found.el ?? null) : null;
}

/** What follows a label: an element, or (for "Bron: Marktplaats" inline) bare text. */
type Found = { el: Element; text?: undefined } | { el?: undefined; text: string };

function* structuralCandidates(root: ParentNode, wanted: ReadonlySet<string>): Generator<Found> {
  for (const dt of safeQueryAll(root, 'dt')) {
    if (!wanted.has(normaliseLabel(textOf(dt, MAX_LABEL_TEXT + 10)))) continue;
    let sibling = dt.nextElementSibling;
    while (sibling && sibling.tagName !== 'DT') {
      if (sibling.tagName === 'DD') {
        yield { el: sibling };
        break;
      }
      sibling = sibling.nextElementSibling;
    }
  }
  for (const th of safeQueryAll(root, 'th')) {
    if (!wanted.has(normaliseLabel(textOf(th, MAX_LABEL_TEXT + 10)))) continue;
    // Only row headers: a column header in a list would give the first row's value.
    let sibling = th.nextElementSibling;
    while (sibling && sibling.tagName !== 'TD') sibling = sibling.nextElementSibling;
    if (sibling) yield { el: sibling };
  }
  const doc = ownerDocumentOf(root);
  for (const label of safeQueryAll(root, 'label')) {
    if (!wanted.has(normaliseLabel(textOf(label, MAX_LABEL_TEXT + 10)))) continue;
    const forId = label.getAttribute('for');
    if (forId && doc) {
      const target = doc.getElementById(forId);
      if (target && contains(root, target)) {
        yield { el: target };
        continue;
      }
    }
    const inner = label.querySelector('input, select, textarea');
    if (inner) {
      yield { el: inner };
      continue;
    }
    const next = nextNonEmptySibling(label);
    if (next) yield { el: next };
  }
  for (const el of safeQueryAll(root, '[aria-label]')) {
    if (wanted.has(normaliseLabel(el.getAttribute('aria-label') ?? ''))) yield { el };
  }
  if (doc) {
    for (const el of safeQueryAll(root, '[aria-labelledby]')) {
      const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
      const text = ids.map((id) => textOf(doc.getElementById(id), MAX_LABEL_TEXT)).join(' ');
      if (wanted.has(normaliseLabel(text))) yield { el };
    }
  }
}

function* textCandidates(root: ParentNode, wanted: ReadonlySet<string>): Generator<Found> {
  const doc = ownerDocumentOf(root);
  if (!doc) return;
  const walker = doc.createTreeWalker(root as Node, SHOW_TEXT);
  let visited = 0;
  for (let node = walker.nextNode(); node && visited < MAX_TEXT_NODES; node = walker.nextNode()) {
    visited += 1;
    const raw = node.nodeValue ?? '';
    if (raw.length === 0 || raw.trim().length === 0) continue;
    const parent = node.parentElement;
    if (!parent || SKIP_TEXT_IN.has(parent.tagName)) continue;

    const label = normaliseLabel(raw.length > MAX_LABEL_TEXT * 4 ? raw.slice(0, MAX_LABEL_TEXT * 4) : raw);
    if (wanted.has(label)) {
      yield* valueAfterLabelNode(node, root);
      continue;
    }
    // "Bron: Marktplaats" inside one text node.
    const colon = raw.indexOf(':');
    if (colon > 0 && colon <= MAX_LABEL_TEXT && wanted.has(normaliseLabel(raw.slice(0, colon)))) {
      const rest = collapse(raw.slice(colon + 1), DEFAULT_MAX);
      if (rest.length > 0) yield { text: rest };
      else yield* valueAfterLabelNode(node, root);
    }
  }
}

function* valueAfterLabelNode(node: Node, root: ParentNode): Generator<Found> {
  // "Bron: <b>Marktplaats</b>" — the value follows the label inside the same parent.
  const direct = valueAfter(node);
  if (direct === 'empty') return;
  if (direct) {
    yield direct;
    return;
  }
  // "<span><b>Bron</b></span><span>Marktplaats</span>" — climb out of wrappers that hold
  // nothing but the label, and take what follows.
  const labelText = normaliseLabel(node.nodeValue ?? '');
  let el = node.parentElement;
  while (
    el &&
    el !== root &&
    !NOT_A_VALUE.has(el.tagName) &&
    contains(root, el) &&
    normaliseLabel(textOf(el, MAX_LABEL_TEXT + 10)) === labelText
  ) {
    const found = valueAfter(el);
    // An empty sibling is this field's (empty) value: climbing further would read the next field.
    if (found === 'empty') return;
    if (found) {
      yield found;
      return;
    }
    el = el.parentElement;
  }
}

function wantedSet(labels: readonly string[]): Set<string> {
  return new Set(labels.map(normaliseLabel).filter((l) => l.length > 0));
}

function* candidates(root: ParentNode, labels: readonly string[]): Generator<Found> {
  const wanted = wantedSet(labels);
  if (wanted.size === 0) return;
  yield* structuralCandidates(root, wanted);
  yield* textCandidates(root, wanted);
}

/**
 * The element holding the value of the field labelled by one of `labels`: dt→dd, th→td,
 * label[for]→control, label→control or next sibling, [aria-label], or a "Label:" text followed
 * by an element. Explicit structures win over loose text. Null when not found; never throws.
 */
export function findByLabel(root: ParentNode | null | undefined, labels: readonly string[]): Element | null {
  if (!root) return null;
  try {
    for (const found of candidates(root, labels)) {
      if (found.el && hasContent(found.el)) return found.el;
    }
  } catch {
    // A page we do not know may do anything; a missing field is the right answer then.
  }
  return null;
}

/**
 * The text value of a labelled field, also when the value is bare text after the label
 * ("<b>Bron:</b> Marktplaats", "Bron: Marktplaats"). Undefined when not found.
 */
export function findValueByLabel(
  root: ParentNode | null | undefined,
  labels: readonly string[],
  max = DEFAULT_MAX,
): string | undefined {
  if (!root) return undefined;
  try {
    for (const found of candidates(root, labels)) {
      const text = found.el ? textOf(found.el, max) : collapse(found.text, max);
      if (text.length > 0) return text;
    }
  } catch {
    // See findByLabel.
  }
  return undefined;
}

/** One field of a findValuesByLabel call: its labels and the longest value to return. */
export interface LabelledField {
  labels: readonly string[];
  max?: number;
}

interface PendingField<K> {
  key: K;
  wanted: ReadonlySet<string>;
  max: number;
}

/**
 * findValueByLabel for several fields in one pass over `root`: each field's value is what
 * `findValueByLabel(root, labels, max)` returns for it, but the page's dt/th/label/aria
 * candidates are listed once and its text walked once (and only as far as the last field still
 * missing) instead of once per field. Fields not found are absent; never throws.
 */
export function findValuesByLabel<K extends string>(
  root: ParentNode | null | undefined,
  fields: Readonly<Partial<Record<K, LabelledField>>>,
): Partial<Record<K, string>> {
  const result: Partial<Record<K, string>> = {};
  if (!root) return result;
  let pending: Array<PendingField<K>> = [];
  const any = new Set<string>();
  for (const key of Object.keys(fields) as K[]) {
    const field = fields[key];
    if (!field) continue;
    const wanted = wantedSet(field.labels);
    if (wanted.size === 0) continue;
    pending.push({ key, wanted, max: field.max ?? DEFAULT_MAX });
    for (const label of wanted) any.add(label);
  }

  /**
   * The fields `wants` picks are offered the one candidate `find` gives at this place in the
   * page (the same for all of them): a field takes it when it has text, as findValueByLabel
   * does, and otherwise goes on looking. A field whose candidate throws ends without a value,
   * as its own findValueByLabel would. True when no field is left.
   */
  const offer = (wants: (field: PendingField<K>) => boolean, find: () => Found | null | undefined): boolean => {
    let computed = false;
    let found: Found | null | undefined;
    let failed = false;
    pending = pending.filter((field) => {
      if (!wants(field)) return true;
      if (!computed) {
        computed = true;
        try {
          found = find();
        } catch {
          failed = true;
        }
      }
      if (failed) return false;
      if (!found) return true;
      try {
        const text = found.el ? textOf(found.el, field.max) : collapse(found.text, field.max);
        if (text.length === 0) return true;
        result[field.key] = text;
      } catch {
        // Nothing to record: the field ends without a value.
      }
      return false;
    });
    return pending.length === 0;
  };
  const first = (gen: Generator<Found>): Found | undefined => gen.next().value ?? undefined;

  try {
    if (pending.length === 0) return result;
    // The structural candidates, in structuralCandidates' order.
    for (const dt of safeQueryAll(root, 'dt')) {
      const label = normaliseLabel(textOf(dt, MAX_LABEL_TEXT + 10));
      if (!any.has(label)) continue;
      const done = offer(
        (f) => f.wanted.has(label),
        () => {
          let sibling = dt.nextElementSibling;
          while (sibling && sibling.tagName !== 'DT') {
            if (sibling.tagName === 'DD') return { el: sibling };
            sibling = sibling.nextElementSibling;
          }
          return null;
        },
      );
      if (done) return result;
    }
    for (const th of safeQueryAll(root, 'th')) {
      const label = normaliseLabel(textOf(th, MAX_LABEL_TEXT + 10));
      if (!any.has(label)) continue;
      const done = offer(
        (f) => f.wanted.has(label),
        () => {
          let sibling = th.nextElementSibling;
          while (sibling && sibling.tagName !== 'TD') sibling = sibling.nextElementSibling;
          return sibling ? { el: sibling } : null;
        },
      );
      if (done) return result;
    }
    const doc = ownerDocumentOf(root);
    for (const labelEl of safeQueryAll(root, 'label')) {
      const label = normaliseLabel(textOf(labelEl, MAX_LABEL_TEXT + 10));
      if (!any.has(label)) continue;
      const done = offer(
        (f) => f.wanted.has(label),
        () => {
          const forId = labelEl.getAttribute('for');
          if (forId && doc) {
            const target = doc.getElementById(forId);
            if (target && contains(root, target)) return { el: target };
          }
          const inner = labelEl.querySelector('input, select, textarea');
          if (inner) return { el: inner };
          const next = nextNonEmptySibling(labelEl);
          return next ? { el: next } : null;
        },
      );
      if (done) return result;
    }
    for (const el of safeQueryAll(root, '[aria-label]')) {
      const label = normaliseLabel(el.getAttribute('aria-label') ?? '');
      if (any.has(label) && offer((f) => f.wanted.has(label), () => ({ el }))) return result;
    }
    if (doc) {
      for (const el of safeQueryAll(root, '[aria-labelledby]')) {
        const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
        const label = normaliseLabel(ids.map((id) => textOf(doc.getElementById(id), MAX_LABEL_TEXT)).join(' '));
        if (any.has(label) && offer((f) => f.wanted.has(label), () => ({ el }))) return result;
      }
    }

    // The text walk, as textCandidates does it.
    if (!doc) return result;
    const walker = doc.createTreeWalker(root as Node, SHOW_TEXT);
    let visited = 0;
    for (let node = walker.nextNode(); node && visited < MAX_TEXT_NODES; node = walker.nextNode()) {
      visited += 1;
      const raw = node.nodeValue ?? '';
      if (raw.length === 0) continue;
      // Blank text normalises to '', which is no field's label. The parent is looked at only
      // for the few texts that are a label: most of a large page's text is not.
      const label = normaliseLabel(raw.length > MAX_LABEL_TEXT * 4 ? raw.slice(0, MAX_LABEL_TEXT * 4) : raw);
      const colon = raw.indexOf(':');
      const prefix = colon > 0 && colon <= MAX_LABEL_TEXT ? normaliseLabel(raw.slice(0, colon)) : null;
      const whole = any.has(label);
      const before = prefix !== null && any.has(prefix);
      if (!whole && !before) continue;
      const parent = node.parentElement;
      if (!parent || SKIP_TEXT_IN.has(parent.tagName)) continue;
      const textNode = node;
      // "Bron" / "Bron:" alone: the value follows the label.
      if (whole && offer((f) => f.wanted.has(label), () => first(valueAfterLabelNode(textNode, root)))) return result;
      // "Bron: Marktplaats" inside one text node, for the fields the whole text is not a label of.
      if (
        before &&
        offer(
          (f) => !f.wanted.has(label) && f.wanted.has(prefix),
          () => {
            const rest = collapse(raw.slice(colon + 1), DEFAULT_MAX);
            return rest.length > 0 ? { text: rest } : first(valueAfterLabelNode(textNode, root));
          },
        )
      ) {
        return result;
      }
    }
  } catch {
    // See findByLabel: the fields not found by now stay missing.
  }
  return result;
}

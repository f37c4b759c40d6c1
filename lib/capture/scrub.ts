/**
 * "Capture this page": the page's structure with the customer taken out, for a dealer to attach
 * when an adapter stops reading their CRM.
 *
 * `capturePageStructure` is injected with `scripting.executeScript({ func, args })`, which sends
 * the function's *source text* to the tab. So it must be self-contained: every helper and
 * constant lives inside its body, and it touches nothing but the DOM of the page it runs in.
 * A unit test runs it rebuilt from its source text alone to keep that true.
 *
 * What survives: tag names, ids, classes, roles, `name`/`type`, `data-*`/`aria-*` values that
 * look like code (kebab-case, camelCase, dotted, known words), field labels the adapters look
 * for (passed in as `keepLabels`), URL shapes, open shadow roots and same-origin frames.
 * What does not: every other letter of text (→ x/X), every digit (→ 0), e-mail addresses
 * (→ x@x), form values, notes, placeholders, titles, alt texts, inline styles, script and style
 * bodies, comments, `<noscript>`, query values, and Leadpace's own panel.
 */

export interface CaptureResult {
  /** The page URL: origin and path shape kept, digits and query values masked. */
  url: string;
  /** The document title, scrubbed like any text. */
  title: string;
  /** The scrubbed `<html>` element (no doctype). */
  html: string;
  /** Elements written to `html`. */
  nodeCount: number;
  /** Frames met (`<iframe>`/`<frame>`), readable or not. */
  frames: number;
  /** Frames whose document could not be read (another origin): noted, not captured. */
  crossOriginFrames: number;
  /** Open shadow roots written as `<template shadowrootmode="open">`. */
  shadowRoots: number;
  /** The element, size or depth cap was reached: the capture ends early. */
  truncated: boolean;
}

export interface CaptureLimits {
  maxElements?: number;
  /** Approximate: a cap on characters, checked before each element and text. */
  maxChars?: number;
  maxDepth?: number;
}

export function capturePageStructure(keepLabels: string[], limits: CaptureLimits = {}): CaptureResult {
  // Big enough for any CRM page seen so far, small enough to attach to an e-mail or issue.
  const MAX_ELEMENTS = limits.maxElements ?? 50_000;
  const MAX_CHARS = limits.maxChars ?? 5_000_000;
  // Deeper than this is a page bug (or a trap); recursion must not blow the stack.
  const MAX_DEPTH = limits.maxDepth ?? 400;
  const MAX_FRAME_DEPTH = 4;
  // An attribute value longer than this is data (JSON, base64), never a selector hook.
  const MAX_ATTR = 2_000;
  const OWN_UI = 'leadpace-panel';

  const VOID = new Set([
    'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input',
    'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  ]);
  // Kept as empty elements: their presence is structure, their content is code or free text.
  const EMPTIED = new Set(['script', 'style', 'textarea', 'iframe', 'frame', 'xmp', 'plaintext']);
  // Left out entirely: fallback text that no adapter reads.
  const DROPPED = new Set(['noscript']);
  // Attributes whose values are the page's own hooks: kept, with digits and e-mails masked.
  const HOOK_ATTRS = new Set([
    'id', 'class', 'name', 'for', 'form', 'list', 'headers', 'role', 'type', 'rel', 'method',
    'target', 'lang', 'dir', 'slot', 'part', 'is', 'tabindex', 'colspan', 'rowspan', 'rows', 'cols',
    'size', 'span', 'maxlength', 'minlength', 'min', 'max', 'step', 'width', 'height', 'autocomplete',
    'inputmode', 'enterkeyhint', 'enctype', 'scope', 'charset', 'http-equiv', 'media', 'sizes',
    'crossorigin', 'referrerpolicy', 'loading', 'decoding', 'contenteditable', 'draggable',
    'spellcheck', 'translate', 'itemprop', 'itemtype', 'xmlns', 'viewbox', 'datetime', 'usemap',
    'accept', 'as', 'shape',
  ]);
  // Free text a person reads; dropped unless it is a known field label.
  const DROP_UNLESS_LABEL = new Set(['value', 'placeholder', 'title', 'alt']);
  // Free text that is also a common hook: masked like text unless it is a known field label.
  const TEXT_ATTRS = new Set([
    'aria-label', 'aria-description', 'aria-valuetext', 'aria-placeholder', 'aria-roledescription',
    'aria-braillelabel', 'aria-brailleroledescription', 'label', 'summary', 'abbr', 'content', 'download',
  ]);
  // Never useful and possibly identifying.
  const EMPTY_VALUE = new Set(['style', 'srcset', 'imagesrcset', 'srcdoc', 'nonce', 'integrity', 'ping']);
  const URL_ATTRS = new Set([
    'href', 'src', 'action', 'formaction', 'poster', 'cite', 'background', 'longdesc', 'data',
    'codebase', 'manifest', 'icon', 'xlink:href', 'itemid',
  ]);
  // Links the rep can follow may point at a customer's own site; resources are the CRM's.
  const LINK_TAGS = new Set(['a', 'area', 'form', 'button', 'input']);
  // Single words that are attribute vocabulary, not people.
  const KEEP_WORDS = new Set([
    'true', 'false', 'on', 'off', 'yes', 'no', 'none', 'auto', 'null', 'undefined', 'open', 'closed',
    'hidden', 'visible', 'page', 'step', 'location', 'date', 'time', 'polite', 'assertive', 'mixed',
    'dialog', 'menu', 'listbox', 'tree', 'grid', 'ltr', 'rtl', 'text', 'button', 'submit', 'reset',
    'checkbox', 'radio', 'email', 'tel', 'url', 'number', 'search', 'password', 'get', 'post',
    'modal', 'active', 'inactive', 'disabled', 'enabled', 'selected', 'expanded', 'collapsed',
    'prev', 'next', 'first', 'last', 'left', 'right', 'top', 'bottom', 'start', 'end', 'primary',
    'secondary', 'success', 'warning', 'error', 'info', 'default', 'small', 'medium', 'large',
    // CRM object names: adapters tell lead, contact and deal pages apart by them.
    'lead', 'leads', 'contact', 'contacts', 'deal', 'deals', 'person', 'opportunity', 'account',
    'customer', 'record',
  ]);

  const EMAIL = /[^\s@<>"'()[\]{},;:]+@[^\s@<>"'()[\]{},;:]+/g;
  const fold = (text: string): string =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[\s:*]+$/u, '')
      .trim()
      .toLowerCase();
  const labels = new Set(keepLabels.map(fold).filter((label) => label.length > 0));
  const isLabel = (text: string): boolean => {
    if (text.length > 80) return false;
    const folded = fold(text);
    return folded.length > 0 && labels.has(folded);
  };
  const maskDigits = (text: string): string => text.replace(/\p{N}/gu, '0');
  const maskLetters = (text: string): string =>
    text
      .replace(EMAIL, 'x@x')
      .replace(/\p{M}/gu, '')
      // One pass: a second one would see the X it just wrote as a letter.
      .replace(/\p{L}/gu, (letter) => (/[\p{Lu}\p{Lt}]/u.test(letter) ? 'X' : 'x'))
      .replace(/\p{N}/gu, '0');
  /** Text a person reads: a known label stays, anything else keeps only its shape. */
  const scrubText = (text: string): string => (isLabel(text) ? maskDigits(text) : maskLetters(text));
  /**
   * Hooks look like code: `phone-number-button`, `customerCard`, `sfdc:RecordField.Lead.Phone`.
   * Names can too, so joined names (`Jan-Willem`, `Smit-Jansen`, `jan.devries`, `McDonald`)
   * are refused; a single plain word is only kept when it is attribute vocabulary.
   */
  const looksLikeCode = (value: string): boolean => {
    if (value.length > 120 || !/^[A-Za-z_$][\w$.:/#\-[\]]*$/.test(value)) return false;
    if (KEEP_WORDS.has(value.toLowerCase())) return true;
    const parts = value.split(/[-_.:/#$[\]]+/).filter((part) => part.length > 0);
    if (parts.length < 2) return /^[a-z]+[A-Z]/.test(value);
    if (parts.every((part) => /^[A-Z][a-z]+$/.test(part))) return false;
    return !/^[a-z]+\.[a-z]+$/.test(value);
  };
  /** `Click2Call('0612…')` → `Click2Call(…)`: adapters hook the function name, never the data. */
  const scrubHandler = (value: string): string => {
    const m = /^\s*(?:javascript:\s*)?(?:return\s+)?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(/.exec(value);
    return m?.[1] ? `${m[1]}(…)` : '';
  };
  const decode = (text: string): string => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  const scrubSegment = (segment: string): string => {
    const plain = decode(segment);
    if (plain.includes('@')) return 'x@x';
    // Route words ("lightning", "Lead", "OpptyDetails.aspx") are how adapters match pages.
    if (/^[\w.\-~:$!*'(),;=+]*$/.test(plain)) return maskDigits(plain);
    return encodeURIComponent(maskLetters(plain));
  };
  const scrubPath = (path: string): string => path.split('/').map(scrubSegment).join('/');
  const scrubQuery = (query: string): string => {
    if (query === '') return '';
    const pairs = query.split('&').map((pair) => {
      const at = pair.indexOf('=');
      const rawKey = at < 0 ? pair : pair.slice(0, at);
      const key = decode(rawKey.replace(/\+/g, ' '));
      const safeKey = /^[\w.\-[\]]*$/.test(key) ? maskDigits(key) : encodeURIComponent(maskLetters(key));
      if (at < 0) return safeKey;
      const value = decode(pair.slice(at + 1).replace(/\+/g, ' '));
      return `${safeKey}=${encodeURIComponent(maskLetters(value))}`;
    });
    return `?${pairs.join('&')}`;
  };
  /** Hash routes (`#/customer/123?tab=notes`) are paths too. */
  const scrubFragment = (fragment: string): string => {
    const at = fragment.indexOf('?');
    if (at < 0) return scrubPath(fragment);
    return scrubPath(fragment.slice(0, at)) + scrubQuery(fragment.slice(at + 1));
  };
  type UrlKind = 'page' | 'link' | 'resource';
  const scrubUrl = (raw: string, doc: Document, kind: UrlKind): string => {
    const value = raw.trim();
    if (value === '') return '';
    if (value.startsWith('#')) return `#${scrubFragment(value.slice(1))}`;
    let url: URL;
    try {
      url = new URL(value, doc.baseURI);
    } catch {
      return maskLetters(value);
    }
    const scheme = url.protocol.toLowerCase();
    if (scheme === 'tel:' || scheme === 'sms:' || scheme === 'callto:') return `${scheme}000`;
    if (scheme === 'mailto:') return 'mailto:x@x';
    if (scheme === 'javascript:') return `javascript:${scrubHandler(value.slice(value.indexOf(':') + 1))}`;
    if (scheme === 'data:') return `data:${(/^data:([\w.+-]+\/[\w.+-]+)/i.exec(value)?.[1] ?? '').toLowerCase()}`;
    if (scheme === 'about:') return `about:${/^(blank|srcdoc)$/.test(url.pathname) ? url.pathname : ''}`;
    if (scheme !== 'http:' && scheme !== 'https:') return scheme;
    const rest = scrubPath(url.pathname) + scrubQuery(url.search.slice(1)) + (url.hash ? `#${scrubFragment(url.hash.slice(1))}` : '');
    let origin = '';
    try {
      origin = new URL(doc.URL).origin;
    } catch {
      origin = '';
    }
    if (kind !== 'page' && url.origin === origin) return rest;
    const host = kind === 'link' ? maskLetters(url.host) : maskDigits(url.host);
    return `${scheme}//${host}${rest}`;
  };
  const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const escapeAttr = (text: string): string => escapeText(text).replace(/"/g, '&quot;');

  const scrubAttr = (el: Element, name: string, raw: string): string => {
    const lower = name.toLowerCase();
    const value = raw.length > MAX_ATTR ? raw.slice(0, MAX_ATTR) : raw;
    if (/^on[a-z]+$/.test(lower)) return scrubHandler(value);
    // The saved file is UTF-8 whatever the page declared; "utf-0" would only confuse.
    if (lower === 'charset') return 'utf-8';
    if (EMPTY_VALUE.has(lower)) return '';
    if (URL_ATTRS.has(lower)) return scrubUrl(value, el.ownerDocument, LINK_TAGS.has(el.localName) ? 'link' : 'resource');
    if (DROP_UNLESS_LABEL.has(lower)) {
      // Only digits and separators (an id, a phone, a date): zeros keep the shape, leak nothing.
      if (/^[\d\s.,:+\-/]+$/.test(value) || isLabel(value)) return maskDigits(value);
      return '';
    }
    if (TEXT_ATTRS.has(lower)) return scrubText(value);
    const noEmail = value.replace(EMAIL, 'x@x');
    if (HOOK_ATTRS.has(lower)) return maskDigits(noEmail);
    if (noEmail === '' || isLabel(noEmail) || looksLikeCode(noEmail)) return maskDigits(noEmail);
    return maskLetters(noEmail);
  };

  const out: string[] = [];
  let size = 0;
  let nodeCount = 0;
  let frames = 0;
  let crossOriginFrames = 0;
  let shadowRoots = 0;
  let truncated = false;
  const emit = (chunk: string): void => {
    out.push(chunk);
    size += chunk.length;
  };
  const full = (): boolean => {
    if (nodeCount >= MAX_ELEMENTS || size >= MAX_CHARS) truncated = true;
    return truncated;
  };

  const writeChildren = (nodes: NodeListOf<ChildNode>, parentTag: string, depth: number, frameDepth: number): void => {
    for (const node of Array.from(nodes)) {
      if (truncated) return;
      // nodeType, not instanceof: a frame's nodes come from another realm.
      if (node.nodeType === 1) {
        writeElement(node as Element, depth, frameDepth);
      } else if ((node.nodeType === 3 || node.nodeType === 4) && !EMPTIED.has(parentTag)) {
        const text = escapeText(scrubText(node.nodeValue ?? ''));
        if (size + text.length > MAX_CHARS) {
          emit(text.slice(0, Math.max(0, MAX_CHARS - size)));
          truncated = true;
          return;
        }
        emit(text);
      }
      // Comments (8) and processing instructions (7) are dropped: free text nobody selects on.
    }
  };

  const writeFrame = (el: Element, frameDepth: number): void => {
    frames += 1;
    let doc: Document | null = null;
    try {
      // Null for another origin; a throw on some browsers. Either way: not readable.
      doc = (el as HTMLIFrameElement).contentDocument;
    } catch {
      doc = null;
    }
    const root = doc?.documentElement;
    if (doc && root && frameDepth >= MAX_FRAME_DEPTH) {
      truncated = true;
      emit(`<template data-leadpace-frame="${escapeAttr(scrubUrl(doc.URL, el.ownerDocument, 'resource'))}" data-leadpace-too-deep=""></template>`);
      return;
    }
    if (doc && root) {
      emit(`<template data-leadpace-frame="${escapeAttr(scrubUrl(doc.URL, el.ownerDocument, 'resource'))}">`);
      writeElement(root, 0, frameDepth + 1);
      emit('</template>');
      return;
    }
    crossOriginFrames += 1;
    const src = scrubUrl(el.getAttribute('src') ?? '', el.ownerDocument, 'resource');
    emit(`<template data-leadpace-frame="${escapeAttr(src)}" data-leadpace-cross-origin=""></template>`);
  };

  function writeElement(el: Element, depth: number, frameDepth: number): void {
    const tag = el.localName;
    if (DROPPED.has(tag) || tag === OWN_UI) return;
    if (full()) return;
    if (depth > MAX_DEPTH) {
      truncated = true;
      return;
    }
    nodeCount += 1;
    let open = `<${tag}`;
    for (const attr of Array.from(el.attributes)) {
      // A name the HTML parser could not read back is dropped rather than escaped.
      if (!/^[^\s"'>/=]+$/.test(attr.name) || /\p{Cc}/u.test(attr.name)) continue;
      const value = scrubAttr(el, attr.name, attr.value);
      open += value === '' ? ` ${attr.name}=""` : ` ${attr.name}="${escapeAttr(value)}"`;
    }
    emit(`${open}>`);
    if (VOID.has(tag)) {
      if (tag === 'frame') writeFrame(el, frameDepth);
      return;
    }
    const shadow = el.shadowRoot;
    if (shadow) {
      shadowRoots += 1;
      emit('<template shadowrootmode="open">');
      writeChildren(shadow.childNodes, '#shadow', depth + 1, frameDepth);
      emit('</template>');
    }
    if (tag === 'template') {
      const content = (el as HTMLTemplateElement).content;
      if (content) writeChildren(content.childNodes, tag, depth + 1, frameDepth);
    } else {
      writeChildren(el.childNodes, tag, depth + 1, frameDepth);
    }
    emit(`</${tag}>`);
    // After the element, not inside it: the parser reads an iframe's content as plain text.
    if (tag === 'iframe') writeFrame(el, frameDepth);
  }

  writeElement(document.documentElement, 0, 0);
  return {
    url: scrubUrl(document.URL, document, 'page'),
    title: scrubText(document.title),
    html: out.join(''),
    nodeCount,
    frames,
    crossOriginFrames,
    shadowRoots,
    truncated,
  };
}

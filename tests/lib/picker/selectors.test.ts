// @vitest-environment jsdom
import { firstPierced, queryPierced } from '@/lib/adapters/user/query';
import { PIERCE } from '@/lib/adapters/user/schema';
import { candidateSelectors, elementAt, looksGenerated, matchCount } from '@/lib/picker/selectors';

function page(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
}

function get(doc: Document | ShadowRoot, selector: string): Element {
  const el = doc.querySelector(selector);
  if (!el) throw new Error(`fixture has no ${selector}`);
  return el;
}

/** Adds an open shadow root with `html` to `host`, as a web component would. */
function shadow(host: Element, html: string): ShadowRoot {
  const root = host.attachShadow({ mode: 'open' });
  const parsed = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  root.append(...Array.from(parsed.body.childNodes, (node) => host.ownerDocument.importNode(node, true)));
  return root;
}

/** A CRM lead page with everything a picker meets: framework ids, CSS-in-JS classes, tables. */
const CRM = `
  <div id="ember412" class="ember-view app">
    <header class="css-1x9k2 topbar"><a href="/">Home</a></header>
    <main id="lead-detail" data-testid="lead-detail">
      <h1 id="ember733" class="sc-bdfBwQ jss123 lead-title">Jan de Vries</h1>
      <dl class="fields">
        <dt>Bron</dt><dd class="value" data-field="source">Marktplaats</dd>
        <dt>Telefoon</dt><dd class="value"><a href="tel:+31612345678" data-phone="+31612345678" title="Jan de Vries">06 12345678</a></dd>
        <dt>Aangemaakt</dt><dd class="value a3f9c2e1b7d4">26-11-2026 09:15</dd>
        <dt>Status</dt><dd class="value"><span data-value="Nieuw" data-state="open">Nieuw</span></dd>
      </dl>
      <table class="grid"><tbody>
        <tr><td>Interesse</td><td>VW Golf</td></tr>
        <tr><td>Kenteken</td><td>AB-123-C</td></tr>
      </tbody></table>
    </main>
  </div>`;

describe('looksGenerated', () => {
  it.each([
    'ember123',
    'ember-view1234',
    'ext-gen1234',
    'j_idt456',
    'css-1x9k2',
    'sc-bdfBwQ',
    'emotion-0',
    'a3f9c2e1b7d4',
    '8f14e45f-ceea-467f-a0e6-a1b2c3d4e5f6',
    'react-select-3-input',
    ':r1:',
    'radix-abc',
    'mui-5',
    '_a1B2c',
    'xY3k9z',
    'root-1a2b3c',
    'x'.repeat(41),
  ])('%s looks generated', (token) => {
    expect(looksGenerated(token)).toBe(true);
  });

  it.each([
    'lead-name',
    'lead-detail',
    'customer',
    'field-value',
    'value',
    'col-md-6',
    'navBar',
    'contact-info',
    'headline',
    'phone',
    'address-line1',
    'first_name',
    'Lead_Name__c',
    'source',
  ])('%s does not look generated', (token) => {
    expect(looksGenerated(token)).toBe(false);
  });
});

describe('candidateSelectors', () => {
  it('never uses generated ids or classes', () => {
    const doc = page(CRM);
    const title = get(doc, 'h1');
    const candidates = candidateSelectors(title, doc);
    expect(candidates.length).toBeGreaterThan(0);
    for (const selector of candidates) {
      for (const token of ['ember733', 'ember412', 'sc-bdfBwQ', 'jss123', 'css-1x9k2']) expect(selector).not.toContain(token);
    }
    expect(candidates).toContain('h1.lead-title');
    expect(candidateSelectors(get(doc, 'dd.a3f9c2e1b7d4'), doc).join('\n')).not.toContain('a3f9c2e1b7d4');
  });

  it('prefers a unique data-field attribute', () => {
    const doc = page(CRM);
    expect(candidateSelectors(get(doc, '[data-field="source"]'), doc)[0]).toBe('dd[data-field="source"]');
  });

  it('anchors on a stable ancestor when the element has no name of its own', () => {
    const doc = page(CRM);
    const created = get(doc, 'dd.a3f9c2e1b7d4');
    const candidates = candidateSelectors(created, doc);
    expect(candidates.some((selector) => selector.startsWith('#lead-detail ') || selector.startsWith('main[data-testid="lead-detail"] '))).toBe(
      true,
    );
  });

  it.each([
    ['a title holding a name', 'title="Jan de Vries"', 'Jan de Vries'],
    ['a phone number', 'data-phone="+31612345678"', '+31612345678'],
    ['an e-mail address', 'data-email="jan@example.nl"', 'jan@example.nl'],
    ['a postcode', 'data-zip="1234AB"', '1234AB'],
    ['a data attribute equal to the text', 'data-customer="Bakker"', 'Bakker'],
    ['a stable attribute equal to the text', 'data-name="Bakker"', 'Bakker'],
    ['an id equal to the text', 'id="Bakker"', 'Bakker'],
  ])('never puts customer data in a selector: %s', (_case, attribute, value) => {
    const doc = page(`<main id="lead"><p>Klant</p><span class="name" ${attribute}>Bakker</span><span class="name">Other</span></main>`);
    const candidates = candidateSelectors(get(doc, 'span'), doc);
    expect(candidates.length).toBeGreaterThan(0);
    for (const selector of candidates) expect(selector).not.toContain(value);
  });

  it('never uses an ancestor attribute whose value shows up in its text', () => {
    const doc = page('<section data-name="Bakker"><h2>Sanne Bakker</h2><p>x</p></section><section><h2>Other</h2></section>');
    const candidates = candidateSelectors(get(doc, 'h2'), doc);
    expect(candidates.length).toBeGreaterThan(0);
    for (const selector of candidates) expect(selector).not.toContain('Bakker');
  });

  it('never uses the link, phone or name values on a real-looking page', () => {
    const doc = page(CRM);
    const all = Array.from(doc.body.querySelectorAll('*')).flatMap((el) => candidateSelectors(el, doc));
    expect(all.length).toBeGreaterThan(20);
    for (const value of ['Jan de Vries', '+31612345678', '3161', 'Nieuw', 'Marktplaats', 'VW Golf', 'AB-123-C', 'tel:']) {
      expect(all.filter((selector) => selector.includes(value))).toEqual([]);
    }
  });

  it('returns only selectors that find the element first, for every element of the page', () => {
    const doc = page(CRM);
    const elements = Array.from(doc.body.querySelectorAll('*'));
    for (const el of elements) {
      const candidates = candidateSelectors(el, doc);
      expect(candidates.length, el.outerHTML.slice(0, 80)).toBeGreaterThan(0);
      expect(candidates.length).toBeLessThanOrEqual(5);
      for (const selector of candidates) expect(doc.querySelector(selector), selector).toBe(el);
    }
  });

  it('finds an element in a list of look-alikes by position', () => {
    const doc = page('<ul><li>a</li><li>b</li><li>c</li></ul><ul><li>d</li></ul>');
    const el = get(doc, 'ul li:nth-of-type(2)');
    const candidates = candidateSelectors(el, doc);
    expect(candidates.length).toBeGreaterThan(0);
    for (const selector of candidates) expect(doc.querySelector(selector)).toBe(el);
  });

  it('respects max', () => {
    const doc = page(CRM);
    expect(candidateSelectors(get(doc, '[data-field="source"]'), doc, 2).length).toBeLessThanOrEqual(2);
  });

  it('gives an element inside an open shadow root a " >>> " selector that resolves back to it', () => {
    const doc = page('<main id="lead"><lead-card id="card"></lead-card><lead-card></lead-card></main>');
    const root = shadow(get(doc, '#card'), '<div class="row"><span class="label">Tel</span><a class="phone" href="tel:+31612345678">06 12</a></div>');
    const phone = get(root, 'a.phone');
    const candidates = candidateSelectors(phone, doc);
    expect(candidates.length).toBeGreaterThan(0);
    for (const selector of candidates) {
      expect(selector).toContain(PIERCE);
      expect(queryPierced(doc, selector, 1)[0]).toBe(phone);
      expect(firstPierced(doc, [selector])).toBe(phone);
      expect(selector).not.toContain('3161');
    }
  });

  it('steps through nested shadow roots', () => {
    const doc = page('<crm-app></crm-app>');
    const outer = shadow(get(doc, 'crm-app'), '<lead-view></lead-view>');
    const inner = shadow(get(outer, 'lead-view'), '<h1 class="name">Jan</h1>');
    const name = get(inner, 'h1');
    const [best] = candidateSelectors(name, doc);
    expect(best?.split(PIERCE)).toHaveLength(3);
    expect(best && queryPierced(doc, best, 1)[0]).toBe(name);
  });

  it('reaches into a same-origin frame', () => {
    const frame = document.createElement('iframe');
    frame.id = 'detail';
    document.body.append(frame);
    try {
      const inner = frame.contentDocument;
      if (!inner) throw new Error('jsdom gave the frame no document');
      const name = inner.createElement('h1');
      name.className = 'lead-name';
      name.textContent = 'Jan';
      inner.body.append(name);
      const candidates = candidateSelectors(name, document);
      expect(candidates[0]).toBe(`#detail${PIERCE}h1.lead-name`);
      for (const selector of candidates) expect(queryPierced(document, selector, 1)[0]).toBe(name);
    } finally {
      frame.remove();
    }
  });
});

describe('matchCount', () => {
  function cards(withName: boolean[]): Document {
    const doc = page(withName.map(() => '<x-card></x-card>').join(''));
    doc.querySelectorAll('x-card').forEach((card, index) => {
      shadow(card, withName[index] ? '<b class="name">Jan</b>' : '<i>empty</i>');
    });
    return doc;
  }

  it.each([
    ['light DOM', page('<p>a</p><p>b</p><div><p>c</p></div>'), 'p', 3],
    ['no match', page('<p>a</p>'), 'h1', 0],
    ['an invalid selector', page('<p>a</p>'), 'p[[', 0],
    ['three shadow roots', cards([true, true, true]), 'x-card >>> .name', 3],
    ['only the last host holds it', cards([false, false, true]), 'x-card >>> .name', 1],
    ['the host itself is not inside', cards([true]), 'x-card >>> x-card', 0],
  ])('counts %s', (_case, doc, selector, count) => {
    expect(matchCount(doc, selector)).toBe(count);
  });

  it('agrees with what extraction reads: a counted match is a found match', () => {
    const doc = cards([false, false, true]);
    expect(firstPierced(doc, ['x-card >>> .name'])?.textContent).toBe('Jan');
  });
});

describe('elementAt', () => {
  it('returns null where the document cannot hit-test (jsdom has no elementsFromPoint)', () => {
    const doc = page('<p>x</p>');
    expect(() => elementAt(doc, 1, 1, () => false)).not.toThrow();
    expect(elementAt(doc, 1, 1, () => false)).toBeNull();
  });

  it('looks through our own overlay and into open shadow roots', () => {
    const doc = page('<div id="overlay"></div><lead-card></lead-card>');
    const overlay = get(doc, '#overlay');
    const host = get(doc, 'lead-card');
    const root = shadow(host, '<span class="phone">06</span>');
    const phone = get(root, '.phone');
    Object.defineProperty(doc, 'elementsFromPoint', { configurable: true, value: () => [overlay, host, doc.body] });
    Object.defineProperty(root, 'elementsFromPoint', { configurable: true, value: () => [phone, host] });
    expect(elementAt(doc, 5, 5, (el) => el === overlay)).toBe(phone);
    expect(elementAt(doc, 5, 5, () => false)).toBe(overlay);
  });
});

describe('looksGenerated: hand-written names that resemble generated ones', () => {
  it.each([
    ['btnSave', false],
    ['btnPrimary', false],
    ['h2-title', false],
    ['address-line1', false],
    ['MuiBox-root-12ab', true],
    ['_a1B2c', true],
    ['xY3k9', true],
  ])('%s → %s', (token, generated) => {
    expect(looksGenerated(token)).toBe(generated);
  });
});

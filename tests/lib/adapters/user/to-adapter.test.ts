// @vitest-environment jsdom
import { idFromUrl, markedFieldCount, userAdapter, userRoute } from '@/lib/adapters/user/to-adapter';
import { firstPierced, queryPierced } from '@/lib/adapters/user/query';
import type { UrlIdPattern } from '@/lib/adapters/user/schema';
import { garageAdapter } from '@/tests/fixtures/user-adapter';

const LEAD_URL = new URL('https://crm.garage.nl/klant/4711');

const def = garageAdapter;

/** A lead page; the phone sits in a web component's open shadow root. */
function leadPage(body = `
  <main>
    <h1 data-field="name">Jan de Vries</h1>
    <dl>
      <dt>Aangemaakt</dt><dd class="created">26-11-2026 09:15</dd>
      <dt>Bron</dt><dd class="source">Marktplaats.nl advertentie</dd>
    </dl>
    <lead-card></lead-card>
  </main>`): Document {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
  const card = doc.querySelector('lead-card');
  if (card) {
    const shadow = card.attachShadow({ mode: 'open' });
    const link = doc.createElement('a');
    link.className = 'phone';
    link.href = 'tel:+31612345678';
    link.textContent = '06 - 12 34 56 78';
    shadow.append(link);
  }
  return doc;
}

describe('userAdapter().extract', () => {
  it('reads name, phone through a shadow root, created time and source', () => {
    const snapshot = userAdapter(def()).extract(leadPage(), LEAD_URL);
    expect(snapshot).toMatchObject({
      crm: 'user-crm-garage-nl',
      leadId: '4711',
      url: LEAD_URL.href,
      name: 'Jan de Vries',
      phone: '+31612345678',
      // A wall-clock time of the dealer's zone: 09:15 in Amsterdam in November is 08:15 UTC.
      receivedAt: '2026-11-26T08:15:00.000Z',
      sourceRaw: 'Marktplaats.nl advertentie',
      source: 'marktplaats',
      missing: [],
    });
  });

  it('prefers a machine-readable datetime over the text', () => {
    const doc = leadPage('<h1 data-field="name">Jan</h1><dd class="created"><time datetime="2026-03-01T10:00:00Z">gisteren</time></dd>');
    expect(userAdapter(def()).extract(doc, LEAD_URL)?.receivedAt).toBe('2026-03-01T10:00:00.000Z');
  });

  it('uses the fallback selector when the first one no longer matches', () => {
    const doc = leadPage('<main><h1 class="title">Sanne Bakker</h1></main>');
    expect(firstPierced(doc, ['h1[data-field="name"]'])).toBeNull();
    expect(userAdapter(def()).extract(doc, LEAD_URL)?.name).toBe('Sanne Bakker');
  });

  it('uses the first selector that matches, not the first element on the page', () => {
    const doc = leadPage('<main><h1>Menu</h1><h1 data-field="name">Sanne Bakker</h1></main>');
    expect(userAdapter(def()).extract(doc, LEAD_URL)?.name).toBe('Sanne Bakker');
  });

  it('lists only the marked fields as missing on a partial page', () => {
    const doc = leadPage('<main><h1 data-field="name">Jan de Vries</h1><dd class="source">—</dd></main>');
    const snapshot = userAdapter(def()).extract(doc, LEAD_URL);
    expect(snapshot?.name).toBe('Jan de Vries');
    expect([...(snapshot?.missing ?? [])].sort()).toEqual(['phone', 'receivedAt', 'source']);
  });

  it('never lists unmarked fields as missing', () => {
    const nameOnly = def({ fields: { name: ['h1'] } });
    expect(markedFieldCount(nameOnly)).toBe(1);
    expect(markedFieldCount(def())).toBe(4);
    const snapshot = userAdapter(nameOnly).extract(leadPage(), LEAD_URL);
    expect(snapshot?.missing).toEqual([]);
    expect(snapshot).not.toHaveProperty('vehicle');
  });

  it('reports a marked name that reads empty as missing', () => {
    const snapshot = userAdapter(def({ fields: { name: ['h1'] } })).extract(leadPage('<h1>  </h1>'), LEAD_URL);
    expect(snapshot?.leadId).toBe('4711');
    expect(snapshot?.missing).toEqual(['name']);
  });

  it('returns null without a lead id', () => {
    expect(userAdapter(def()).extract(leadPage(), new URL('https://crm.garage.nl/klant/'))).toBeNull();
    const fromPage = def({ idFromUrl: undefined, fields: { name: ['h1'], leadId: ['.lead-id'] } });
    expect(userAdapter(fromPage).extract(leadPage(), LEAD_URL)).toBeNull();
    expect(userAdapter(fromPage).extract(leadPage('<h1>Jan</h1><span class="lead-id">n/a</span>'), LEAD_URL)).toBeNull();
  });

  it('returns null when the name element is not on the page (not a lead page)', () => {
    expect(userAdapter(def()).extract(leadPage('<main><p>Dashboard</p></main>'), LEAD_URL)).toBeNull();
  });

  it('reads the lead id from the page when it is marked there', () => {
    const fromPage = def({ idFromUrl: undefined, fields: { name: ['h1'], leadId: ['.lead-id'] } });
    const doc = leadPage('<h1>Jan</h1><span class="lead-id"> L-1042 </span>');
    const adapter = userAdapter(fromPage);
    expect(adapter.leadId(LEAD_URL, doc)).toBe('L-1042');
    expect(adapter.extract(doc, new URL('https://crm.garage.nl/dashboard'))?.leadId).toBe('L-1042');
  });

  it('treats a selector that throws as no match and goes on with the next', () => {
    const broken = def({ fields: { name: ['h2[[', 'main h1'], source: [':::nope', 'dd.source'], phone: ['lead-card >>> a[['] } });
    const snapshot = userAdapter(broken).extract(leadPage(), LEAD_URL);
    expect(snapshot?.name).toBe('Jan de Vries');
    expect(snapshot?.source).toBe('marktplaats');
    expect(snapshot?.missing).toEqual(['phone']);
    expect(userAdapter(def({ fields: { name: ['h2[['] } })).extract(leadPage(), LEAD_URL)).toBeNull();
  });

  it('never throws on an empty document', () => {
    const adapter = userAdapter(def({ fields: { ...def().fields, leadId: ['.id'] } }));
    const xml = document.implementation.createDocument(null, null);
    const html = document.implementation.createHTMLDocument('');
    for (const doc of [xml, html]) {
      expect(() => adapter.extract(doc, LEAD_URL)).not.toThrow();
      expect(adapter.extract(doc, LEAD_URL)).toBeNull();
      expect(() => adapter.leadId(LEAD_URL, doc)).not.toThrow();
    }
  });

  it('anchors on the light-DOM part of the name selectors', () => {
    const adapter = userAdapter(def({ fields: { name: ['lead-card >>> h1', 'main h1'] } }));
    expect(adapter.anchor).toBe('lead-card, main h1');
    expect(leadPage().querySelector(adapter.anchor)).not.toBeNull();
  });
});

describe('queryPierced', () => {
  function cards(): Document {
    // Three web components; only the last one shows the name.
    const doc = leadPage('<x-card></x-card><x-card></x-card><x-card id="c3"></x-card>');
    doc.querySelectorAll('x-card').forEach((card, index) => {
      const shadow = card.attachShadow({ mode: 'open' });
      const el = doc.createElement(index === 2 ? 'h1' : 'p');
      el.textContent = index === 2 ? 'Jan de Vries' : 'other';
      shadow.append(el);
    });
    return doc;
  }

  it('finds an element behind a host that is not the first match', () => {
    const doc = cards();
    expect(queryPierced(doc, 'x-card >>> h1')).toHaveLength(1);
    expect(firstPierced(doc, ['x-card >>> h1'])?.textContent).toBe('Jan de Vries');
  });

  it('reads through a same-origin frame', () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      const inner = frame.contentDocument;
      if (!inner) throw new Error('jsdom gave the frame no document');
      const h1 = inner.createElement('h1');
      h1.textContent = 'In a frame';
      inner.body.append(h1);
      expect(firstPierced(document, ['iframe >>> h1'])?.textContent).toBe('In a frame');
    } finally {
      frame.remove();
    }
  });

  it('caps what it returns', () => {
    const doc = leadPage('<p></p>'.repeat(80));
    expect(queryPierced(doc, 'p')).toHaveLength(50);
    expect(queryPierced(doc, 'p', 3)).toHaveLength(3);
  });
});

describe('idFromUrl', () => {
  it.each<[string, UrlIdPattern, string, string | null]>([
    ['path', { path: '/klant/{id}' }, 'https://crm.garage.nl/klant/4711', '4711'],
    ['path with a trailing slash', { path: '/klant/{id}' }, 'https://crm.garage.nl/klant/4711/', '4711'],
    ['pattern with a trailing slash, URL without', { path: '/klant/{id}/' }, 'https://crm.garage.nl/klant/4711', '4711'],
    ['path with a query and hash', { path: '/klant/{id}' }, 'https://crm.garage.nl/klant/4711?tab=2#notes', '4711'],
    ['path in the middle', { path: '/leads/{id}/view' }, 'https://crm.garage.nl/leads/abc-123/view', 'abc-123'],
    ['path with *', { path: '/*/tab/Leads/{id}' }, 'https://crm.garage.nl/org123/tab/Leads/456', '456'],
    ['* is one segment only', { path: '/*/tab/Leads/{id}' }, 'https://crm.garage.nl/a/b/tab/Leads/456', null],
    ['escaped id', { path: '/klant/{id}' }, 'https://crm.garage.nl/klant/L%201', 'L 1'],
    ['malformed escape', { path: '/klant/{id}' }, 'https://crm.garage.nl/klant/%E0%A4%A', null],
    ['other path', { path: '/klant/{id}' }, 'https://crm.garage.nl/klanten/4711', null],
    ['deeper path', { path: '/klant/{id}' }, 'https://crm.garage.nl/klant/4711/notes', null],
    ['prefix before the pattern', { path: '/klant/{id}' }, 'https://crm.garage.nl/x/klant/4711', null],
    ['regex characters in the pattern are literal', { path: '/lead.aspx/{id}' }, 'https://crm.garage.nl/leadXaspx/1', null],
    ['empty id segment', { path: '/klant/{id}' }, 'https://crm.garage.nl/klant/', null],
    ['query', { query: 'lPID' }, 'https://crm.garage.nl/view.aspx?lPID=123&lDID=9', '123'],
    ['query is case-sensitive', { query: 'lPID' }, 'https://crm.garage.nl/view.aspx?lpid=123', null],
    ['query with spaces', { query: 'id' }, 'https://crm.garage.nl/?id=%20L-7%20', 'L-7'],
    ['empty query value', { query: 'id' }, 'https://crm.garage.nl/?id=', null],
    ['missing query', { query: 'id' }, 'https://crm.garage.nl/klant/4711', null],
  ])('%s', (_case, pattern, url, id) => {
    expect(idFromUrl(pattern, new URL(url))).toBe(id);
  });
});

describe('userRoute().isLeadPage', () => {
  it.each([
    ['the lead page', 'https://crm.garage.nl/klant/4711', true],
    ['another port of the same host', 'https://crm.garage.nl:8443/klant/4711', true],
    ['another origin', 'https://crm.other.nl/klant/4711', false],
    ['a subdomain', 'https://eu.crm.garage.nl/klant/4711', false],
    ['http instead of https', 'http://crm.garage.nl/klant/4711', false],
    ['another path', 'https://crm.garage.nl/dashboard', false],
    ['the list page', 'https://crm.garage.nl/klant/', false],
  ])('%s → %s', (_case, url, lead) => {
    expect(userRoute(def()).isLeadPage(new URL(url))).toBe(lead);
  });

  it.each([
    ['inside the prefix', 'https://crm.garage.nl/app/lead?x=1', true],
    ['outside the prefix', 'https://crm.garage.nl/settings', false],
    ['another origin', 'https://other.nl/app/lead', false],
  ])('with the id on the page, any page under the prefix may be one: %s → %s', (_case, url, lead) => {
    const route = userRoute(def({ idFromUrl: undefined, pathPrefix: '/app/', fields: { name: ['h1'], leadId: ['.id'] } }));
    expect(route.isLeadPage(new URL(url))).toBe(lead);
  });

  it('matches the origin on any port', () => {
    expect(userRoute(def({ origin: 'http://localhost:5173' })).matches).toEqual(['http://localhost/*']);
  });
});

// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADAPTERS, adapterById } from '@/lib/crms/registry';
import { demoAdapter } from '@/lib/crms/demo/adapter';
import { captureFileName, captureFileText, captureKeepLabels } from '@/lib/capture/capture';
import { capturePageStructure, type CaptureResult } from '@/lib/capture/scrub';

// executeScript sends the function's source text to the tab, so the tests run a copy rebuilt
// from that text alone: a helper defined outside the function fails here as it would there.
const capture = new Function(`return (${capturePageStructure.toString()});`)() as typeof capturePageStructure;
const LABELS = captureKeepLabels();

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/crm');

/** Replaces the test document with `html`, at `path` on jsdom's origin. */
function loadPage(html: string, path = '/'): void {
  history.replaceState(null, '', path);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
}

function fillFrame(frame: HTMLIFrameElement, html: string): void {
  const doc = frame.contentDocument;
  if (!doc) throw new Error('jsdom gave the frame no document');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  doc.replaceChild(doc.importNode(parsed.documentElement, true), doc.documentElement);
}

const reparse = (result: CaptureResult) => new DOMParser().parseFromString(`<!doctype html>${result.html}`, 'text/html');
const captureBody = (body: string, limits?: Parameters<typeof capturePageStructure>[1]) => {
  loadPage(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
  return capture(LABELS, limits);
};

afterEach(() => {
  vi.restoreAllMocks();
});

// A Dutch demo-CRM lead page with the customer in every place a CRM puts one.
const LEAD_PAGE = `<!doctype html>
<html lang="nl"><head>
  <meta charset="utf-8">
  <meta name="description" content="Lead van Jan de Vries, 06 12345678">
  <title>Jan de Vries · Lead L-1042</title>
  <style>.lead-title { color: red } /* Jan de Vries */</style>
  <script>window.customer = { name: 'Jan de Vries', phone: '+31612345678' };</script>
</head><body>
  <!-- klant: Jan de Vries, jan@example.nl -->
  <noscript>Jan de Vries</noscript>
  <main id="app" class="content">
    <section class="lead-detail" data-record-id="L-1042" data-customer='{"name":"Jan de Vries","phone":"0612345678"}'>
      <header class="lead-head">
        <h1 class="lead-title" title="Jan de Vries">Jan de Vries</h1>
        <span class="lead-id">L-1042</span>
        <span class="status-pill status-0">Nieuw</span>
      </header>
      <dl class="lead-fields">
        <dt>Bron</dt><dd>Marktplaats</dd>
        <dt>Telefoon</dt><dd><a href="tel:+31612345678" onclick="Click2Call('+31612345678', 'Jan de Vries'); return false;" aria-label="Bel Jan de Vries">+31 6 12345678</a></dd>
        <dt>E-mail</dt><dd><a href="mailto:jan@example.nl?subject=Uw%20offerte" data-email="jan@example.nl">jan@example.nl</a></dd>
        <dt>Interesse</dt><dd>Volkswagen Golf 1.5 eTSI (2021, 48.000 km)</dd>
        <dt>Aangemaakt</dt><dd><time datetime="2025-01-15T10:00:00+01:00">15-01-2025 10:00</time></dd>
        <dt>Status</dt><dd><select name="status"><option value="Nieuw" selected>Nieuw</option><option value="Afspraak">Afspraak</option></select></dd>
      </dl>
      <dl class="lead-fields-en"><dt>Source:</dt><dd>Website Jan</dd></dl>
      <label for="lead-notes">Notities</label>
      <textarea id="lead-notes" name="notes" placeholder="Notitie over Jan…">Belt terug na 17:00, vrouw heet Marieke.</textarea>
      <input type="text" name="phone" value="0612345678" placeholder="06 12345678" data-first="Jan" data-test="person-phone">
      <input type="hidden" name="AutoLeadID" value="1042">
      <img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" alt="Foto van Jan de Vries" style="border: 1px solid red">
      <a class="website" href="https://www.devries-jan.nl/over?naam=Jan">Website</a>
      <a class="next" href="/leads/L-1043?q=Jan%20de%20Vries" data-nav="next">Volgende</a>
      <span id="widget" class="call-widget"></span>
      <iframe id="history" class="lead-history"></iframe>
      <canvas id="chart" width="300" height="150">Grafiek van Jan</canvas>
    </section>
    <leadpace-panel data-crm="demo" data-lead-id="L-1042"></leadpace-panel>
  </main>
</body></html>`;

function loadLeadPage(): void {
  loadPage(LEAD_PAGE, '/leads/L-1042?q=Jan%20de%20Vries&tel=0612345678#notes');
  const widget = document.getElementById('widget');
  if (!widget) throw new Error('no widget');
  const shadow = widget.attachShadow({ mode: 'open' });
  const name = document.createElement('b');
  name.className = 'sr-name';
  name.textContent = 'Jan de Vries';
  const call = document.createElement('a');
  call.href = 'tel:+31612345678';
  call.textContent = 'Bel +31 6 12345678';
  shadow.append(name, call);
  const panel = document.querySelector('leadpace-panel');
  panel?.attachShadow({ mode: 'open' }).append('Jan de Vries · 06 12345678');
  const frame = document.getElementById('history');
  if (!(frame instanceof HTMLIFrameElement)) throw new Error('no frame');
  fillFrame(
    frame,
    '<html><body><ul class="history-list"><li class="history-item">Jan de Vries belde om 14:05 vanaf 0612345678</li></ul><a href="mailto:jan@example.nl">mail</a></body></html>',
  );
  // The live value differs from the attribute: neither may leave.
  const notes = document.getElementById('lead-notes');
  if (notes instanceof HTMLTextAreaElement) notes.value = 'Marieke belt terug';
}

/** Everything a capture returns that ends up in the saved file. */
const allText = (result: CaptureResult) => `${result.url}\n${result.title}\n${result.html}`;

describe('capturePageStructure on a lead page', () => {
  it.each([
    ['the name', 'Jan'],
    ['the surname', 'Vries'],
    ['the note', 'Belt terug'],
    ['the live note', 'Marieke'],
    ['the e-mail', 'jan@example.nl'],
    ['the e-mail domain', 'example'],
    ['the phone number', '12345678'],
    ['the record id digits', '1042'],
    ['the source value', 'Marktplaats'],
    ['the vehicle', 'Golf'],
    ['the alt text', 'Foto'],
    ['the customer website', 'devries'],
    ['the script body', 'window.customer'],
    ['the style body', 'color: red'],
    ['the inline style', 'border'],
    ['the image data', 'iVBOR'],
    ['the comment', 'klant:'],
    ["Leadpace's own panel", 'leadpace-panel'],
  ])('leaves out %s (%s)', (_what, secret) => {
    loadLeadPage();
    expect(allText(capture(LABELS)).toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it('masks every digit to 0: only tag names and the click-to-call function name keep theirs', () => {
    loadLeadPage();
    const text = allText(capture(LABELS))
      .replace(/<\/?h[1-6]\b/g, '')
      .replace(/Click2Call/g, '')
      .replace(/charset="utf-8"/g, '')
      .replace(/%[0-9A-F]{2}/g, '');
    expect(text.match(/[1-9]+/g)).toBeNull();
  });

  it('keeps the page URL shape and the title shape', () => {
    loadLeadPage();
    const result = capture(LABELS);
    expect(result.url).toBe('http://localhost:0000/leads/L-0000?q=Xxx%20xx%20Xxxxx&tel=0000000000#notes');
    expect(result.title).toBe('Xxx xx Xxxxx · Xxxx X-0000');
  });

  it('keeps structure: tags, ids, classes, hooks, field labels, link schemes', () => {
    loadLeadPage();
    const result = capture(LABELS);
    const doc = reparse(result);
    const one = (selector: string) => {
      const found = doc.querySelectorAll(selector);
      expect(found.length, selector).toBe(1);
      return found[0];
    };
    expect(one('section.lead-detail[data-record-id="L-0000"]')).toBeTruthy();
    expect(one('h1.lead-title')?.textContent).toBe('Xxx xx Xxxxx');
    expect(one('h1.lead-title')?.getAttribute('title')).toBe('');
    expect(Array.from(doc.querySelectorAll('dl dt'), (dt) => dt.textContent)).toEqual([
      'Bron',
      'Telefoon',
      'E-mail',
      'Interesse',
      'Aangemaakt',
      'Status',
      'Source:',
    ]);
    expect(one('a[href="tel:000"]')?.getAttribute('onclick')).toBe('Click2Call(…)');
    expect(one('a[href="tel:000"]')?.getAttribute('aria-label')).toBe('Xxx Xxx xx Xxxxx');
    expect(one('a[href="mailto:x@x"]')?.getAttribute('data-email')).toBe('x@x');
    expect(one('time')?.getAttribute('datetime')).toBe('0000-00-00T00:00:00+00:00');
    expect(one('select[name="status"] option[selected]')?.getAttribute('value')).toBe('');
    expect(one('label[for="lead-notes"]')?.textContent).toBe('Xxxxxxxx');
    expect(one('textarea#lead-notes[name="notes"]')?.textContent).toBe('');
    expect(one('textarea#lead-notes')?.getAttribute('placeholder')).toBe('');
    const input = one('input[name="phone"][data-test="person-phone"]');
    // Digits-only values keep their shape as zeros: the field had a number in it.
    expect(input?.getAttribute('value')).toBe('0000000000');
    expect(input?.getAttribute('placeholder')).toBe('00 00000000');
    expect(one('input[name="AutoLeadID"]')?.getAttribute('value')).toBe('0000');
    expect(input?.getAttribute('data-first')).toBe('Xxx');
    expect(one('img')?.getAttribute('src')).toBe('data:image/png');
    expect(one('img')?.getAttribute('style')).toBe('');
    expect(one('a.website')?.getAttribute('href')).toBe('https://xxx.xxxxxxx-xxx.xx/over?naam=Xxx');
    expect(one('a.next')?.getAttribute('href')).toBe('/leads/L-0000?q=Xxx%20xx%20Xxxxx');
    expect(one('a.next')?.getAttribute('data-nav')).toBe('next');
    expect(one('script')?.textContent).toBe('');
    expect(one('style')?.textContent).toBe('');
    expect(doc.querySelector('noscript')).toBeNull();
    expect(one('canvas#chart')?.getAttribute('width')).toBe('000');
    expect(one('[data-customer]')?.getAttribute('data-customer')).toBe('{"xxxx":"Xxx xx Xxxxx","xxxxx":"0000000000"}');
  });

  it('writes the open shadow root into its host and the same-origin frame after its element', () => {
    loadLeadPage();
    const result = capture(LABELS);
    expect(result).toMatchObject({ shadowRoots: 1, frames: 1, crossOriginFrames: 0, truncated: false });
    const doc = reparse(result);
    const shadow = doc.querySelector('#widget > template[shadowrootmode="open"]');
    expect(shadow).toBeInstanceOf(HTMLTemplateElement);
    const shadowContent = (shadow as HTMLTemplateElement).content;
    expect(shadowContent.querySelector('b.sr-name')?.textContent).toBe('Xxx xx Xxxxx');
    expect(shadowContent.querySelector('a')?.getAttribute('href')).toBe('tel:000');

    const frameTemplate = doc.querySelector('iframe#history + template[data-leadpace-frame]');
    expect(frameTemplate).toBeInstanceOf(HTMLTemplateElement);
    expect(frameTemplate?.getAttribute('data-leadpace-frame')).toBe('about:blank');
    const frameContent = (frameTemplate as HTMLTemplateElement).content;
    expect(frameContent.querySelector('ul.history-list > li.history-item')?.textContent).toBe('Xxx xx Xxxxx xxxxx xx 00:00 xxxxx 0000000000');
    expect(frameContent.querySelector('a')?.getAttribute('href')).toBe('mailto:x@x');
  });

  it('still lets the demo adapter find its anchor and every field in the capture', () => {
    loadLeadPage();
    const url = new URL('http://leadpace-demo.localhost:5173/leads/L-1042');
    expect(demoAdapter.extract(document, url)?.missing).toEqual([]);
    const captured = reparse(capture(LABELS));
    expect(captured.querySelector(demoAdapter.anchor)).not.toBeNull();
    const snapshot = demoAdapter.extract(captured, url);
    expect(snapshot).toMatchObject({
      leadId: 'L-0000',
      name: 'Xxx xx Xxxxx',
      phone: '000',
      email: 'x@x',
      sourceRaw: 'Xxxxxxxxxxx',
      vehicle: 'Xxxxxxxxxx Xxxx 0.0 xXXX (0000, 00.000 xx)',
      statusRaw: 'Xxxxx',
    });
    // Found, but a date of zeros cannot be read: that is the digit mask doing its job.
    expect(snapshot?.missing).toEqual(['receivedAt']);
  });
});

describe('capturePageStructure, case by case', () => {
  it.each<{ name: string; body: string; present: string[]; absent: string[] }>([
    {
      name: 'field labels in four languages, with colon, asterisk, any case and accents',
      body: '<dt>Bron:</dt><th>Lead Source</th><label>Herkunft *</label><span>TÉLÉPHONE</span><span>Courriel</span>',
      present: ['>Bron:<', '>Lead Source<', '>Herkunft *<', '>TÉLÉPHONE<', '>Courriel<'],
      absent: [],
    },
    {
      name: 'a label-looking customer text is still masked',
      body: '<dd>Bron van Jan</dd><dd>Source Jansen</dd>',
      present: ['>Xxxx xxx Xxx<', '>Xxxxxx Xxxxxx<'],
      absent: ['Jan'],
    },
    {
      name: 'e-mail addresses in any attribute',
      body: '<p id="row-jan@example.nl" class="c jan@example.nl" data-x="mail jan@example.nl now" aria-description="jan@example.nl">x</p>',
      present: ['id="x@x"', 'class="c x@x"', 'data-x="xxxx x@x xxx"', 'aria-description="x@x"'],
      absent: ['example', 'jan'],
    },
    {
      name: 'e-mail addresses in text',
      body: '<p>Mail: jan.devries@example.nl</p>',
      present: ['>Xxxx: x@x<'],
      absent: ['example', 'devries'],
    },
    {
      name: 'phone numbers everywhere',
      body: '<p data-phone="+31612345678" data-tel="06-12345678">Bel 06 - 123 456 78</p><a href="sms:+31612345678">s</a><a href="callto:0612345678">c</a>',
      present: ['data-phone="+00000000000"', 'data-tel="00-00000000"', '>Xxx 00 - 000 000 00<', 'href="sms:000"', 'href="callto:000"'],
      absent: ['6123'],
    },
    {
      name: 'event handlers keep only a function name',
      body: '<a onclick="Click2Call(\'0612345678\')">a</a><a onclick="return LogCall(12)">b</a><a onmouseover="alert(\'Jan\')">c</a><a onclick="var x = \'Jan\'; go(x)">d</a><a href="javascript:VinCall.dial(\'0612345678\')">e</a>',
      present: ['onclick="Click2Call(…)"', 'onclick="LogCall(…)"', 'onmouseover="alert(…)"', 'onclick=""', 'href="javascript:VinCall.dial(…)"'],
      absent: ['0612', 'Jan'],
    },
    {
      name: 'structural data and aria values stay, free text in them does not',
      body: '<p data-test="phone-number-button" data-target-selection-name="sfdc:RecordField.Lead.Phone" data-zcqa="value_Phone" aria-current="step" aria-selected="true" analyticsdetect="CustomerCard|Phone" data-state="Jansen" data-label="Phone">x</p>',
      present: [
        'data-test="phone-number-button"',
        'data-target-selection-name="sfdc:RecordField.Lead.Phone"',
        'data-zcqa="value_Phone"',
        'aria-current="step"',
        'aria-selected="true"',
        'analyticsdetect="XxxxxxxxXxxx|Xxxxx"',
        'data-state="Xxxxxx"',
        'data-label="Phone"',
      ],
      absent: ['Jansen'],
    },
    {
      name: 'names that look like code are still masked',
      body: '<p data-a="Jan-Willem" data-b="Smit-Jansen" data-c="jan.devries" data-d="McDonald" data-e="Yılmaz-Öz" data-f="customerCard" data-g="L-1042">x</p>',
      present: ['data-a="Xxx-Xxxxxx"', 'data-b="Xxxx-Xxxxxx"', 'data-c="xxx.xxxxxxx"', 'data-d="XxXxxxxx"', 'data-e="Xxxxxx-Xx"', 'data-f="customerCard"', 'data-g="L-0000"'],
      absent: ['Jan', 'Willem', 'Jansen', 'devries', 'Donald', 'lmaz'],
    },
    {
      name: 'title, alt, placeholder and value: dropped unless a known label or hook text',
      body: '<a title="Click to dial">t</a><img alt="Jan"><input placeholder="Telefoon" value="0612345678"><input value="Jan">',
      present: ['title="Click to dial"', 'alt=""', 'placeholder="Telefoon"', 'value=""'],
      absent: ['Jan', '0612'],
    },
    {
      name: 'URLs: same-origin paths lose the origin, resources keep their host, query values and other schemes go',
      body:
        '<a href="/person/12345?tab=notes&amp;name=Jan">p</a><script src="https://cdn.crm.example.com/v2/app.js"></script><a href="whatsapp://send?phone=31612345678">w</a><a href="#/customer/123?q=Jan">h</a><a href="/search/Jan%20de%20Vries">s</a><a href="/contact/jan@example.nl">m</a>',
      present: [
        'href="/person/00000?tab=xxxxx&amp;name=Xxx"',
        'src="https://cdn.crm.example.com/v0/app.js"',
        'href="whatsapp:"',
        'href="#/customer/000?q=Xxx"',
        'href="/search/Xxx%20xx%20Xxxxx"',
        'href="/contact/x@x"',
      ],
      absent: ['Jan', '31612', 'jan@'],
    },
    {
      name: 'attribute names the parser cannot read back are dropped',
      body: '<p a"b="1" data-ok="yes">x</p>',
      present: ['data-ok="yes"'],
      absent: ['a"b', 'a&quot;b'],
    },
    {
      name: 'markup in text and attributes stays text',
      body: '<p data-x="&quot;><script>">&lt;img src=x onerror=alert(1)&gt;</p>',
      present: ['&lt;xxx xxx=x xxxxxxx=xxxxx(0)&gt;', 'data-x="&quot;&gt;&lt;xxxxxx&gt;"'],
      absent: ['<img', '<script>'],
    },
    {
      name: 'other scripts and marks: every letter masked, case kept',
      body: '<p>Fatma Yılmaz — Zoë Ångström — Иван — 山田</p>',
      present: ['>Xxxxx Xxxxxx — Xxx Xxxxxxxx — Xxxx — xx<'],
      absent: ['Fatma', 'Zo', 'Иван', '山'],
    },
    {
      name: 'page templates are scrubbed like the page',
      body: '<template id="tpl"><p class="row">Jan de Vries 0612345678</p></template>',
      present: ['<template id="tpl"><p class="row">Xxx xx Xxxxx 0000000000</p></template>'],
      absent: ['Jan'],
    },
  ])('$name', ({ body, present, absent }) => {
    const { html } = captureBody(body);
    for (const text of present) expect(html).toContain(text);
    for (const text of absent) expect(html).not.toContain(text);
  });

  it('notes a frame from another site without reading it', () => {
    loadPage('<!doctype html><html><head></head><body><iframe id="x" src="https://crm.example.com/frames/Lead.aspx?id=1234"></iframe></body></html>');
    const frame = document.getElementById('x');
    if (!frame) throw new Error('no frame');
    // jsdom loads no cross-origin frames; a browser answers null for them, as here.
    Object.defineProperty(frame, 'contentDocument', { get: () => null });
    const result = capture(LABELS);
    expect(result).toMatchObject({ frames: 1, crossOriginFrames: 1 });
    expect(result.html).toContain(
      '<iframe id="x" src="https://crm.example.com/frames/Lead.aspx?id=0000"></iframe><template data-leadpace-frame="https://crm.example.com/frames/Lead.aspx?id=0000" data-leadpace-cross-origin=""></template>',
    );
  });

  it('survives a frame whose document throws on access', () => {
    loadPage('<!doctype html><html><head></head><body><iframe id="x"></iframe></body></html>');
    const frame = document.getElementById('x');
    if (!frame) throw new Error('no frame');
    Object.defineProperty(frame, 'contentDocument', {
      get: () => {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    expect(capture(LABELS)).toMatchObject({ frames: 1, crossOriginFrames: 1 });
  });

  it.each<{ name: string; body: string; limits: Parameters<typeof capturePageStructure>[1]; maxNodes: number }>([
    { name: 'the element cap', body: '<p>a</p>'.repeat(100), limits: { maxElements: 20 }, maxNodes: 20 },
    { name: 'the size cap', body: `<p>${'Jan de Vries '.repeat(2000)}</p><p>b</p>`, limits: { maxChars: 1000 }, maxNodes: 5 },
    { name: 'the depth cap', body: `${'<span>'.repeat(600)}x${'</span>'.repeat(600)}`, limits: {}, maxNodes: 403 },
  ])('stops at $name, says so, and still writes well-formed markup', ({ body, limits, maxNodes }) => {
    const result = captureBody(body, limits);
    expect(result.truncated).toBe(true);
    expect(result.nodeCount).toBeLessThanOrEqual(maxNodes);
    if (limits?.maxChars) expect(result.html.length).toBeLessThan(limits.maxChars + 200);
    expect(result.html.endsWith('</html>')).toBe(true);
    expect(result.html).not.toContain('Jan');
  });

  it('is not truncated below the caps', () => {
    expect(captureBody('<p>a</p>'.repeat(100)).truncated).toBe(false);
  });
});

describe('capture over every saved CRM page', () => {
  const files = ADAPTERS.flatMap((adapter) =>
    readdirSync(join(FIXTURES, adapter.id))
      .filter((file) => file.endsWith('.html'))
      .map((file) => [`${adapter.id}/${file}`, adapter.id, join(FIXTURES, adapter.id, file)] as const),
  );
  const zero = (text: string | null) => (text ?? '').replace(/\d/g, '0');
  // What selectors see: every element's tag, id, classes and attribute names, in order; less
  // what the capture drops (noscript) and adds (a template per frame).
  const structure = (doc: Document) =>
    Array.from(doc.querySelectorAll('*'))
      .filter((el) => !el.matches('noscript, template[data-leadpace-frame]'))
      .map((el) => [el.localName, zero(el.id), zero(el.getAttribute('class')), ...Array.from(el.attributes, (a) => a.name).sort()].join(' '));
  const labelTexts = (doc: Document) => {
    const keep = new Set(LABELS.map((label) => label.toLowerCase()));
    return Array.from(doc.querySelectorAll('body *'))
      .map((el) => (el.childElementCount === 0 ? (el.textContent ?? '').trim().replace(/[\s:*]+$/, '') : ''))
      .filter((text) => keep.has(text.toLowerCase()));
  };

  it.each(files)('%s: same elements, same labels, anchor still found', (_name, adapterId, path) => {
    const adapter = adapterById(adapterId);
    if (!adapter) throw new Error(adapterId);
    loadPage(readFileSync(path, 'utf8'));
    const captured = reparse(capture(LABELS));
    expect(structure(captured)).toEqual(structure(document));
    expect(labelTexts(captured)).toEqual(labelTexts(document));
    expect(captured.querySelector(adapter.anchor) === null).toBe(document.querySelector(adapter.anchor) === null);
    expect(allText(capture(LABELS))).not.toMatch(/@example\./);
  });
});

describe('the saved file', () => {
  const result: CaptureResult = {
    url: 'https://acme.example.com/leads/X-0000--x',
    title: 'Xxx --> <b>',
    html: '<html><head></head><body></body></html>',
    nodeCount: 3,
    frames: 1,
    crossOriginFrames: 1,
    shadowRoots: 0,
    truncated: false,
  };

  it('names the CRM host and the day', () => {
    expect(captureFileName('https://acme.lightning.force.com/lightning/r/Lead/00Q/view', new Date(2025, 0, 5, 9))).toBe(
      'leadpace-capture-acme.lightning.force.com-2025-01-05.html',
    );
    expect(captureFileName('not a url', new Date(2025, 11, 31))).toBe('leadpace-capture-page-2025-12-31.html');
  });

  it('starts with a header that page text cannot break out of', () => {
    const text = captureFileText(result, new Date('2025-01-15T12:00:00Z'));
    expect(text.startsWith('<!doctype html>\n<!--\n')).toBe(true);
    const header = text.slice(0, text.indexOf('-->'));
    expect(header).toContain('Captured: 2025-01-15T12:00:00.000Z');
    expect(header).toContain('1 from another site, not captured');
    // The only comment end is the header's own; the page follows it.
    expect(text.indexOf('-->')).toBe(text.lastIndexOf('-->'));
    expect(text.endsWith(`-->\n${result.html}\n`)).toBe(true);
    const doc = new DOMParser().parseFromString(text, 'text/html');
    expect(doc.querySelector('b')).toBeNull();
  });
});

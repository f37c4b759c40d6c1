// @vitest-environment jsdom
import {
  findByLabel,
  findValueByLabel,
  firstMatch,
  LABELS,
  meaningful,
  normaliseLabel,
  optionalText,
  textOf,
} from '@/lib/adapters/extract';

function page(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
}

describe('findByLabel / findValueByLabel', () => {
  it.each([
    ['dt/dd', '<dl><dt>Naam</dt><dd>x</dd><dt>Bron</dt><dd>Marktplaats</dd></dl>'],
    ['dt/dd with colon and case', '<dl><dt> BRON: </dt><dd>Marktplaats</dd></dl>'],
    ['th/td row', '<table><tr><th>Bron</th><td>Marktplaats</td></tr></table>'],
    ['label[for]', '<label for="src">Bron</label><p>noise</p><input id="src" value="Marktplaats">'],
    ['label wrapping a select', '<label>Bron <select><option>AutoTrack</option><option selected>Marktplaats</option></select></label>'],
    ['label + sibling', '<p><label>Bron:</label> <span>Marktplaats</span></p>'],
    ['aria-label', '<span aria-label="Lead source">Marktplaats</span>'],
    ['aria-labelledby', '<h3 id="h">Herkunft</h3><p aria-labelledby="h">Marktplaats</p>'],
    ['span pair', '<ul><li><span class="k">Bron</span><span class="v">Marktplaats</span></li></ul>'],
    ['wrapped label', '<section><p><span><b>Origine</b></span></p><p>Marktplaats</p></section>'],
    ['label then icon then value', '<p><strong>Quelle</strong><i class="icon"></i><em>Marktplaats</em></p>'],
    ['accented label', '<dl><dt>Provenance</dt><dd>Marktplaats</dd></dl>'],
  ])('finds the value element in %s', (_layout, html) => {
    const el = findByLabel(page(html), LABELS.source);
    expect(el).not.toBeNull();
    expect(textOf(el)).toBe('Marktplaats');
    expect(findValueByLabel(page(html), LABELS.source)).toBe('Marktplaats');
  });

  it.each([
    ['bold label and bare text', '<p><b>Bron:</b> Marktplaats</p>'],
    ['one text node', '<p>Bron: Marktplaats</p>'],
    ['label text then element', '<p>Bron: <a href="#">Marktplaats</a></p>'],
  ])('reads a bare-text value in %s', (_layout, html) => {
    expect(findValueByLabel(page(html), LABELS.source)).toBe('Marktplaats');
  });

  it('prefers explicit structures over loose text earlier in the page', () => {
    const doc = page('<p>Bron: Nieuwsbrief</p><dl><dt>Bron</dt><dd>AutoScout24</dd></dl>');
    expect(textOf(findByLabel(doc, ['Bron']))).toBe('AutoScout24');
  });

  it('does not read a neighbouring field when a value is empty', () => {
    const doc = page('<dl><dt>Telefoon</dt><dd></dd><dt>E-mail</dt><dd>a@b.nl</dd></dl>');
    expect(findByLabel(doc, LABELS.phone)).toBeNull();
    expect(findValueByLabel(doc, LABELS.phone)).toBeUndefined();
    const spans = page('<p><span>Telefoon</span><span></span></p><p><span>E-mail</span><span>a@b.nl</span></p>');
    expect(findValueByLabel(spans, LABELS.phone)).toBeUndefined();
  });

  it('ignores column headers of list tables', () => {
    const doc = page('<table><thead><tr><th>Status</th><th>Naam</th></tr></thead><tbody><tr><td>Nieuw</td><td>Jan</td></tr></tbody></table>');
    expect(findByLabel(doc, LABELS.status)).toBeNull();
  });

  it('ignores label-like text inside options, scripts and textareas', () => {
    const doc = page('<select><option>Bron</option><option>Marktplaats</option></select><script>var x = "Bron: y"</script><textarea>Bron: z</textarea>');
    expect(findValueByLabel(doc, LABELS.source)).toBeUndefined();
  });

  it('only matches whole labels', () => {
    const doc = page('<dl><dt>Bronnummer</dt><dd>123</dd><dt>Datum afspraak</dt><dd>morgen</dd></dl>');
    expect(findValueByLabel(doc, LABELS.source)).toBeUndefined();
    expect(findValueByLabel(doc, LABELS.created)).toBeUndefined();
  });

  it('searches only inside the given root', () => {
    const doc = page('<aside><dl><dt>Bron</dt><dd>Drawer</dd></dl></aside><section id="r"><dl><dt>Bron</dt><dd>Detail</dd></dl></section>');
    expect(findValueByLabel(doc.getElementById('r'), LABELS.source)).toBe('Detail');
    const labelOutside = page('<label for="x">Bron</label><section id="r"></section><input id="x" value="out">');
    expect(findByLabel(labelOutside.getElementById('r'), LABELS.source)).toBeNull();
  });

  it('never throws', () => {
    expect(findByLabel(null, LABELS.source)).toBeNull();
    expect(findByLabel(page('<p>x</p>'), [])).toBeNull();
    expect(findValueByLabel(undefined, LABELS.source)).toBeUndefined();
  });

  it('reads every shared label set in Dutch markup', () => {
    const doc = page(`<dl>
      <dt>Naam</dt><dd>Sanne de Vries</dd>
      <dt>Telefoonnummer</dt><dd>06 12 34 56 78</dd>
      <dt>E-mailadres</dt><dd>sanne@example.com</dd>
      <dt>Leadbron</dt><dd>Marktplaats</dd>
      <dt>Ontvangen op</dt><dd>26-11-2026 14:05</dd>
      <dt>Voertuig</dt><dd>VW Golf</dd>
      <dt>Leadstatus</dt><dd>Nieuw</dd></dl>`);
    expect(findValueByLabel(doc, LABELS.name)).toBe('Sanne de Vries');
    expect(findValueByLabel(doc, LABELS.phone)).toBe('06 12 34 56 78');
    expect(findValueByLabel(doc, LABELS.email)).toBe('sanne@example.com');
    expect(findValueByLabel(doc, LABELS.source)).toBe('Marktplaats');
    expect(findValueByLabel(doc, LABELS.created)).toBe('26-11-2026 14:05');
    expect(findValueByLabel(doc, LABELS.vehicle)).toBe('VW Golf');
    expect(findValueByLabel(doc, LABELS.status)).toBe('Nieuw');
  });

  it('label sets cover nl, en, de and fr', () => {
    for (const label of ['Bron', 'Source', 'Herkunft', 'Quelle', 'Leadbron', 'Origine']) {
      expect(LABELS.source).toContain(label);
    }
    expect(LABELS.created).toEqual(expect.arrayContaining(['Aangemaakt', 'Created', 'Erstellt', 'Créé le']));
    expect(LABELS.phone).toEqual(expect.arrayContaining(['Telefoon', 'Phone', 'Telefon', 'Téléphone']));
  });
});

describe('textOf', () => {
  it.each([
    ['<p id="t">  Sanne \n\t de   Vries </p>', 'Sanne de Vries'],
    ['<input id="t" value="  06 12 ">', '06 12'],
    ['<textarea id="t">a\n b</textarea>', 'a b'],
    ['<select id="t"><option>Nieuw</option><option selected>Afspraak</option></select>', 'Afspraak'],
    ['<p id="t"></p>', ''],
    ['<p id="t"><b>a</b><i>b</i> c</p>', 'ab c'],
  ])('%s → %j', (html, expected) => {
    const doc = page(html);
    expect(textOf(doc.getElementById('t'))).toBe(expected);
  });

  it('caps the length without splitting a surrogate pair', () => {
    const doc = page(`<p id="a">${'x'.repeat(1000)}</p><p id="b">ab😀cd</p>`);
    expect(textOf(doc.getElementById('a'))).toHaveLength(300);
    expect(textOf(doc.getElementById('a'), 10)).toBe('x'.repeat(10));
    expect(textOf(doc.getElementById('b'), 3)).toBe('ab😀');
  });

  it('handles nothing', () => {
    expect(textOf(null)).toBe('');
    expect(textOf(undefined)).toBe('');
    expect(optionalText(page('<p id="t"> </p>').getElementById('t'))).toBeUndefined();
  });
});

describe('firstMatch', () => {
  it('returns the first selector that matches, skipping invalid ones', () => {
    const doc = page('<h1 class="b">B</h1><h2 class="a">A</h2>');
    expect(firstMatch(doc, ['::::nope', '.a', '.b'])?.textContent).toBe('A');
    expect(firstMatch(doc, ['[[[', '.missing'])).toBeNull();
    expect(firstMatch(null, ['.a'])).toBeNull();
  });
});

describe('normaliseLabel / meaningful', () => {
  it.each([
    ['  Bron: ', 'bron'],
    ['E-mail *', 'e-mail'],
    ['Créé le', 'cree le'],
    ['Lead\n  Source', 'lead source'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseLabel(input)).toBe(expected);
  });

  it.each([
    ['—', undefined],
    ['Onbekend', undefined],
    ['n/a', undefined],
    ['  ', undefined],
    [undefined, undefined],
    [' Marktplaats ', 'Marktplaats'],
    ['0', '0'],
  ])('meaningful(%j) → %j', (input, expected) => {
    expect(meaningful(input)).toBe(expected);
  });
});

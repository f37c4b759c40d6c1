import { describe, expect, it } from 'vitest';
import { DEFAULT_LIBRARY, DEFAULT_SCRIPTS, isDefaultScriptId } from '@/lib/domain/scripts-library';
import {
  OBJECTION_KINDS,
  PLACEHOLDERS,
  STEP_KINDS,
  callScriptSchema,
  matchScript,
  pickScript,
  renderTemplate,
  scriptForLead,
  scriptUnknownPlaceholders,
  scriptsFileSchema,
  situationFor,
  unknownPlaceholders,
  type CallScript,
  type ScriptLang,
  type Situation,
} from '@/lib/domain/scripts';

function custom(over: Partial<CallScript> & Pick<CallScript, 'id'>): CallScript {
  return {
    version: 1,
    name: over.id,
    lang: 'nl',
    sources: [],
    situation: 'first_contact',
    steps: [{ kind: 'opener', title: 'Opening', text: `script ${over.id}` }],
    cards: [],
    ...over,
  };
}

describe('pickScript', () => {
  const generic = custom({ id: 'generic' });
  const forMarktplaats = custom({ id: 'mp', sources: ['marktplaats'] });
  const forPortals = custom({ id: 'portals', sources: ['autotrack', 'gaspedaal'] });
  const followUp = custom({ id: 'fu', situation: 'follow_up' });
  const english = custom({ id: 'en-generic', lang: 'en' });

  it.each<{ name: string; scripts: CallScript[]; lang: ScriptLang; source: string; situation: Situation; expected: string }>([
    { name: 'no custom scripts: the default for the source', scripts: [], lang: 'nl', source: 'marktplaats', situation: 'first_contact', expected: 'default-marktplaats' },
    { name: 'no custom scripts: AutoScout24 shares the portals default', scripts: [], lang: 'en', source: 'autoscout24', situation: 'first_contact', expected: 'default-portals' },
    { name: 'no custom scripts: AutoTrack shares the portals default', scripts: [], lang: 'nl', source: 'autotrack', situation: 'first_contact', expected: 'default-portals' },
    { name: 'no custom scripts: website', scripts: [], lang: 'nl', source: 'website', situation: 'first_contact', expected: 'default-website' },
    { name: 'no custom scripts: importer', scripts: [], lang: 'en', source: 'importer', situation: 'first_contact', expected: 'default-importer' },
    { name: 'unknown source falls back to the generic default', scripts: [], lang: 'nl', source: 'gaspedaal', situation: 'first_contact', expected: 'default-first-contact' },
    { name: 'follow-up uses the follow-up default, not a first-contact source script', scripts: [], lang: 'nl', source: 'marktplaats', situation: 'follow_up', expected: 'default-follow-up' },
    { name: 'custom source-specific beats the default source-specific', scripts: [forMarktplaats], lang: 'nl', source: 'marktplaats', situation: 'first_contact', expected: 'mp' },
    { name: 'default source-specific beats custom generic', scripts: [generic], lang: 'nl', source: 'marktplaats', situation: 'first_contact', expected: 'default-marktplaats' },
    { name: 'custom generic beats default generic', scripts: [generic], lang: 'nl', source: 'gaspedaal', situation: 'first_contact', expected: 'generic' },
    { name: 'custom for a listed source beats custom generic, in any order', scripts: [generic, forPortals], lang: 'nl', source: 'gaspedaal', situation: 'first_contact', expected: 'portals' },
    { name: 'a script for other sources never applies', scripts: [forMarktplaats], lang: 'nl', source: 'phone', situation: 'first_contact', expected: 'default-first-contact' },
    { name: 'language must match', scripts: [forMarktplaats], lang: 'en', source: 'marktplaats', situation: 'first_contact', expected: 'default-marktplaats' },
    { name: 'custom English generic applies to English', scripts: [english], lang: 'en', source: 'phone', situation: 'first_contact', expected: 'en-generic' },
    { name: 'situation must match', scripts: [followUp], lang: 'nl', source: 'phone', situation: 'first_contact', expected: 'default-first-contact' },
    { name: 'custom follow-up beats default follow-up', scripts: [followUp], lang: 'nl', source: 'website', situation: 'follow_up', expected: 'fu' },
    { name: 'no voicemail script anywhere: the generic default of the language', scripts: [], lang: 'en', source: 'website', situation: 'voicemail', expected: 'default-first-contact' },
  ])('$name', ({ scripts, lang, source, situation, expected }) => {
    const picked = pickScript(scripts, { lang, source, situation });
    expect(picked.id).toBe(expected);
    expect(picked.lang).toBe(lang);
  });

  it('between equally specific custom scripts the first in the list wins', () => {
    const a = custom({ id: 'a' });
    const b = custom({ id: 'b' });
    expect(pickScript([a, b], { lang: 'nl', source: 'phone', situation: 'first_contact' }).id).toBe('a');
    expect(pickScript([b, a], { lang: 'nl', source: 'phone', situation: 'first_contact' }).id).toBe('b');
  });

  it('matchScript returns null when nothing fits', () => {
    expect(matchScript([custom({ id: 'x', sources: ['website'] })], { lang: 'nl', source: 'phone', situation: 'first_contact' })).toBeNull();
  });
});

describe('situationFor', () => {
  it.each<{ attemptCount: number; situation: string; attemptNumber: number; showVoicemail: boolean }>([
    { attemptCount: 0, situation: 'first_contact', attemptNumber: 1, showVoicemail: true },
    { attemptCount: 1, situation: 'follow_up', attemptNumber: 2, showVoicemail: true },
    { attemptCount: 2, situation: 'follow_up', attemptNumber: 3, showVoicemail: false },
    { attemptCount: 5, situation: 'follow_up', attemptNumber: 6, showVoicemail: false },
    { attemptCount: -3, situation: 'first_contact', attemptNumber: 1, showVoicemail: true },
    { attemptCount: Number.NaN, situation: 'first_contact', attemptNumber: 1, showVoicemail: true },
  ])('$attemptCount attempts → $situation, attempt $attemptNumber', ({ attemptCount, ...expected }) => {
    expect(situationFor({ attemptCount })).toEqual(expected);
  });
});

describe('scriptForLead: voicemail card rules', () => {
  it.each([0, 1])('shows the voicemail card before attempt %i + 1', (attemptCount) => {
    const result = scriptForLead([], { lang: 'nl', source: 'website', attemptCount });
    expect(result.voicemail).toHaveLength(1);
    expect(result.voicemail[0]?.kind).toBe('voicemail');
  });

  it.each([2, 3, 10])('hides it after %i attempts', (attemptCount) => {
    expect(scriptForLead([], { lang: 'en', source: 'website', attemptCount }).voicemail).toEqual([]);
  });

  it('always shows the four objection cards', () => {
    for (const attemptCount of [0, 1, 2, 6]) {
      const kinds = scriptForLead([], { lang: 'nl', source: 'marktplaats', attemptCount }).objections.map((c) => c.kind);
      expect(kinds).toEqual([...OBJECTION_KINDS]);
    }
  });

  it('a dealer voicemail script for the source replaces the card', () => {
    const vm = custom({ id: 'vm', situation: 'voicemail', sources: ['website'], steps: [{ kind: 'other', title: 'Inspreken', text: 'Kort en krachtig.' }] });
    const result = scriptForLead([vm], { lang: 'nl', source: 'website', attemptCount: 1 });
    expect(result.voicemail).toEqual([{ kind: 'voicemail', title: 'Inspreken', text: 'Kort en krachtig.' }]);
    expect(result.script.id).toBe('default-follow-up');
    expect(scriptForLead([vm], { lang: 'nl', source: 'website', attemptCount: 2 }).voicemail).toEqual([]);
  });
});

describe('unknownPlaceholders', () => {
  it.each<{ text: string; expected: string[] }>([
    { text: '', expected: [] },
    { text: 'Hallo {customer.firstName}, de {vehicle} van {dealer.name} via {source}, {rep.firstName}, {customer.name}', expected: [] },
    { text: 'Hi {customer.lastName}', expected: ['customer.lastName'] },
    { text: '{Vehicle} {vehicle}', expected: ['Vehicle'] },
    { text: '{customer_firstName} and {customer_firstName} again', expected: ['customer_firstName'] },
    { text: '{a}{b}{a}', expected: ['a', 'b'] },
    { text: 'plain {not a placeholder} and {} stay text', expected: [] },
    { text: '{constructor}', expected: ['constructor'] },
  ])('$text → $expected', ({ text, expected }) => {
    expect(unknownPlaceholders(text)).toEqual(expected);
  });

  it('scriptUnknownPlaceholders looks at titles and cards too', () => {
    const script = custom({
      id: 's',
      steps: [{ kind: 'opener', title: 'Hi {customer.title}', text: '{vehicle} {price}' }],
      cards: [{ kind: 'best_price', title: 'Prijs', text: '{price} {discount}' }],
    });
    expect(scriptUnknownPlaceholders(script)).toEqual(['customer.title', 'price', 'discount']);
  });
});

describe('renderTemplate with hostile values', () => {
  it('keeps markup in a value as one text value segment', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    expect(renderTemplate('De {vehicle}!', { vehicle: hostile })).toEqual([
      { kind: 'text', text: 'De ' },
      { kind: 'value', text: hostile },
      { kind: 'text', text: '!' },
    ]);
  });

  it('shows a typo placeholder as a blank, never as raw braces', () => {
    expect(renderTemplate('Hi {customer_firstName}', {})).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'blank', name: 'customer_firstName' },
    ]);
  });
});

describe('default scripts', () => {
  const REQUIRED_STEPS = STEP_KINDS.filter((k) => k !== 'other');

  it.each(DEFAULT_LIBRARY.map((s) => ({ label: `${s.id} (${s.lang})`, script: s })))('$label passes the schema and has the full structure', ({ script }) => {
    expect(callScriptSchema.parse(script)).toEqual(script);
    expect(isDefaultScriptId(script.id)).toBe(true);
    expect(script.steps.map((s) => s.kind)).toEqual(REQUIRED_STEPS);
    const cardKinds = script.cards.map((c) => c.kind);
    expect(cardKinds.filter((k) => k === 'voicemail')).toHaveLength(1);
    for (const kind of OBJECTION_KINDS) expect(cardKinds).toContain(kind);
    expect(scriptUnknownPlaceholders(script)).toEqual([]);
    for (const part of [...script.steps, ...script.cards]) {
      for (const segment of renderTemplate(part.text, {})) {
        if (segment.kind === 'text') expect(segment.text).not.toMatch(/[{}]/);
        if (segment.kind === 'blank') expect(PLACEHOLDERS).toContain(segment.name);
      }
    }
  });

  it.each<{ source: string; id: string }>([
    { source: 'website', id: 'default-website' },
    { source: 'importer', id: 'default-importer' },
    { source: 'marktplaats', id: 'default-marktplaats' },
    { source: 'autotrack', id: 'default-portals' },
    { source: 'autoscout24', id: 'default-portals' },
  ])('a first-contact script for $source exists in Dutch and English', ({ source, id }) => {
    for (const lang of ['nl', 'en'] as const) {
      const script = DEFAULT_LIBRARY.find((s) => s.lang === lang && s.sources.includes(source) && s.situation === 'first_contact');
      expect(script?.id).toBe(id);
    }
  });

  it('every default exists in both languages with the same version and the same placeholders per step', () => {
    const names = (t: string) => [...t.matchAll(/\{([A-Za-z0-9_.-]+)\}/g)].map((m) => m[1]).sort();
    const nl = DEFAULT_LIBRARY.filter((s) => s.lang === 'nl');
    const en = DEFAULT_LIBRARY.filter((s) => s.lang === 'en');
    expect(nl.map((s) => s.id).sort()).toEqual(en.map((s) => s.id).sort());
    for (const nlScript of nl) {
      const enScript = en.find((s) => s.id === nlScript.id);
      expect(enScript?.version).toBe(nlScript.version);
      expect(enScript?.sources).toEqual(nlScript.sources);
      expect(enScript?.situation).toBe(nlScript.situation);
      nlScript.steps.forEach((step, i) => expect(names(step.text)).toEqual(names(enScript?.steps[i]?.text ?? '')));
      nlScript.cards.forEach((card, i) => expect(names(card.text)).toEqual(names(enScript?.cards[i]?.text ?? '')));
    }
  });

  it('(id, lang) is unique and the Dutch defaults suggest WhatsApp as the follow-up channel', () => {
    const keys = DEFAULT_LIBRARY.map((s) => `${s.id}/${s.lang}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const script of DEFAULT_LIBRARY.filter((s) => s.lang === 'nl')) {
      expect(script.steps.find((s) => s.kind === 'confirm')?.text).toMatch(/WhatsApp/);
    }
  });

  it('DEFAULT_SCRIPTS are the generic first-contact scripts', () => {
    expect(DEFAULT_SCRIPTS.nl).toMatchObject({ id: 'default-first-contact', lang: 'nl', sources: [], situation: 'first_contact' });
    expect(DEFAULT_SCRIPTS.en).toMatchObject({ id: 'default-first-contact', lang: 'en', sources: [], situation: 'first_contact' });
  });
});

describe('scriptsFileSchema', () => {
  it('accepts a valid file and refuses another format or version', () => {
    const scripts = [custom({ id: 'custom-1' })];
    expect(scriptsFileSchema.safeParse({ format: 'leadpace-scripts', version: 1, scripts }).success).toBe(true);
    expect(scriptsFileSchema.safeParse({ format: 'other', version: 1, scripts }).success).toBe(false);
    expect(scriptsFileSchema.safeParse({ format: 'leadpace-scripts', version: 2, scripts }).success).toBe(false);
  });

  it.each<{ name: string; over: Record<string, unknown> }>([
    { name: 'empty steps', over: { steps: [] } },
    { name: 'unknown language', over: { lang: 'de' } },
    { name: 'unknown situation', over: { situation: 'cold_call' } },
    { name: 'bad source id', over: { sources: ['Marktplaats NL'] } },
    { name: 'duplicate source', over: { sources: ['website', 'website'] } },
    { name: 'upper-case id', over: { id: 'My Script' } },
    { name: 'version 0', over: { version: 0 } },
    { name: 'empty step text', over: { steps: [{ kind: 'opener', title: 'x', text: '   ' }] } },
    { name: 'unknown card kind', over: { cards: [{ kind: 'joke', title: 'x', text: 'y' }] } },
  ])('a script with $name is refused', ({ over }) => {
    expect(callScriptSchema.safeParse({ ...custom({ id: 'ok' }), ...over }).success).toBe(false);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CallScript } from '@/lib/domain/scripts';
import { DEFAULT_SCRIPTS } from '@/lib/domain/scripts-library';
import {
  ScriptValidationError,
  deleteScript,
  exportScripts,
  importScripts,
  newScriptId,
  readScripts,
  saveScript,
  scriptsItem,
} from '@/lib/storage/scripts-item';

function draft(over: Partial<CallScript> = {}): CallScript {
  return { ...DEFAULT_SCRIPTS.nl, id: 'custom-mp', name: 'Marktplaats van ons', sources: ['marktplaats'], ...over };
}

const file = (scripts: unknown[], over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'leadpace-scripts', version: 1, scripts, ...over });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('saveScript', () => {
  it('stores version 1, then bumps the version on every save, whatever the caller passes', async () => {
    const first = await saveScript(draft({ version: 42 }));
    expect(first.script.version).toBe(1);
    const second = await saveScript(draft({ name: 'Marktplaats v2' }));
    expect(second.script.version).toBe(2);
    const third = await saveScript(draft({ name: 'Marktplaats v2' }));
    expect(third.script.version).toBe(3);
    expect(await readScripts()).toEqual([third.script]);
  });

  it('keeps other scripts when saving one', async () => {
    await saveScript(draft({ id: 'custom-a' }));
    await saveScript(draft({ id: 'custom-b' }));
    await saveScript(draft({ id: 'custom-a', name: 'A again' }));
    expect((await readScripts()).map((s) => [s.id, s.version, s.name])).toEqual([
      ['custom-a', 2, 'A again'],
      ['custom-b', 1, 'Marktplaats van ons'],
    ]);
  });

  it('saves a script with unknown placeholders and lists them', async () => {
    const steps = [{ kind: 'opener' as const, title: 'Hoi {customer.title}', text: 'Hallo {customer.lastName}, de {vehicle} kost {price}.' }];
    const result = await saveScript(draft({ steps, cards: [{ kind: 'best_price', title: 'Prijs', text: '{price} min {discount}' }] }));
    expect(result.unknownPlaceholders).toEqual(['customer.title', 'customer.lastName', 'price', 'discount']);
    expect((await readScripts())[0]?.steps).toEqual(steps);
  });

  it('returns no warnings for a clean script', async () => {
    expect((await saveScript(draft())).unknownPlaceholders).toEqual([]);
  });

  it('refuses an invalid script or a built-in id and stores nothing', async () => {
    await expect(saveScript(draft({ steps: [] }))).rejects.toBeInstanceOf(ScriptValidationError);
    await expect(saveScript(draft({ id: 'default-marktplaats' }))).rejects.toThrow(/reserved_id/);
    expect(await readScripts()).toEqual([]);
  });

  it('newScriptId never collides with built-in ids', () => {
    const id = newScriptId();
    expect(id).toMatch(/^custom-/);
    expect(id).not.toBe(newScriptId());
  });
});

describe('reading', () => {
  it('drops damaged entries and keeps the valid ones', async () => {
    const good = (await saveScript(draft())).script;
    await scriptsItem.setValue([{ id: 'broken' }, good, 'junk', { ...good, id: 'default-website' }, good]);
    expect(await readScripts()).toEqual([good]);
  });

  it('deleteScript removes one script', async () => {
    await saveScript(draft({ id: 'custom-a' }));
    await saveScript(draft({ id: 'custom-b' }));
    await deleteScript('custom-a');
    expect((await readScripts()).map((s) => s.id)).toEqual(['custom-b']);
  });
});

describe('export and import', () => {
  it('export → import round-trips into an empty store', async () => {
    await saveScript(draft({ id: 'custom-a' }));
    await saveScript(draft({ id: 'custom-a', name: 'A v2' }));
    await saveScript(draft({ id: 'custom-b', lang: 'en', situation: 'follow_up', sources: [] }));
    const before = await readScripts();
    const json = await exportScripts();
    expect(JSON.parse(json)).toMatchObject({ format: 'leadpace-scripts', version: 1 });

    fakeBrowser.reset();
    expect(await readScripts()).toEqual([]);
    const result = await importScripts(json);
    expect(result).toEqual({ ok: true, added: 2, updated: 0, unchanged: 0, unknownPlaceholders: [] });
    expect(await readScripts()).toEqual(before);
  });

  it('importing the same file again changes nothing', async () => {
    await saveScript(draft({ id: 'custom-a' }));
    const json = await exportScripts();
    const before = await readScripts();
    expect(await importScripts(json)).toMatchObject({ ok: true, added: 0, updated: 0, unchanged: 1 });
    expect(await readScripts()).toEqual(before);
  });

  it('a changed script with a known id replaces it under a new version', async () => {
    await saveScript(draft({ id: 'custom-a' }));
    await saveScript(draft({ id: 'custom-a' }));
    await saveScript(draft({ id: 'custom-a' }));
    const incoming = { ...draft({ id: 'custom-a', name: 'From the other PC' }), version: 1 };
    expect(await importScripts(file([incoming]))).toMatchObject({ ok: true, updated: 1 });
    expect((await readScripts())[0]).toMatchObject({ name: 'From the other PC', version: 4 });
  });

  it('imports with unknown placeholders and reports them', async () => {
    const incoming = draft({ id: 'custom-x', steps: [{ kind: 'opener', title: 'Hoi', text: 'Hoi {klant}' }] });
    expect(await importScripts(file([incoming]))).toMatchObject({
      ok: true,
      unknownPlaceholders: [{ id: 'custom-x', name: incoming.name, placeholders: ['klant'] }],
    });
  });

  const valid = draft({ id: 'custom-ok' });
  it.each<{ name: string; json: string; error: Record<string, unknown> }>([
    { name: 'not JSON', json: '{"format": "leadpace-scripts", ', error: { code: 'not_json' } },
    { name: 'a JSON array', json: '[]', error: { code: 'wrong_format' } },
    { name: 'another format', json: file([valid], { format: 'something-else' }), error: { code: 'wrong_format' } },
    { name: 'no scripts list', json: JSON.stringify({ format: 'leadpace-scripts', version: 1 }), error: { code: 'wrong_format' } },
    { name: 'a newer version', json: file([valid], { version: 2 }), error: { code: 'unsupported_version', version: '2' } },
    {
      name: 'one invalid script among valid ones',
      json: file([valid, { ...draft({ id: 'custom-bad', name: 'Kapot' }), steps: [] }]),
      error: { code: 'invalid_script', index: 1, name: 'Kapot', path: 'steps' },
    },
    {
      name: 'an empty step text',
      json: file([{ ...valid, steps: [{ kind: 'opener', title: 'x', text: '' }] }]),
      error: { code: 'invalid_script', index: 0, path: 'steps.0.text' },
    },
    { name: 'a duplicate id', json: file([valid, valid]), error: { code: 'duplicate_id', id: 'custom-ok' } },
    { name: 'a built-in id', json: file([{ ...valid, id: 'default-website' }]), error: { code: 'reserved_id', id: 'default-website' } },
    { name: 'too large', json: ' '.repeat(2_000_001), error: { code: 'too_large' } },
  ])('refuses $name with a reason and changes nothing', async ({ json, error }) => {
    await saveScript(draft({ id: 'custom-existing' }));
    const before = await scriptsItem.getValue();
    const result = await importScripts(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject(error);
    expect(await scriptsItem.getValue()).toEqual(before);
  });
});

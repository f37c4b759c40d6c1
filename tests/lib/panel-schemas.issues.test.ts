import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
// Options and the background load zod's English messages first, as here.
import '@/lib/zod-english';
import type { $ZodError } from 'zod/v4/core';
import { panelCommandMessage, panelCommandMessageSchema } from '@/lib/content/panel-commands';
import { dismissZoneNotice, zoneNoticeDismissedItem } from '@/lib/content/zone-notice';
import { sourceRuleSchema, sourceRulesSchema } from '@/lib/domain/sources';
import { callScriptSchema, scriptCardSchema, scriptIdSchema, scriptsFileSchema, scriptStepSchema, SCRIPTS_FILE_FORMAT } from '@/lib/domain/scripts';
import { openSettingRequestSchema } from '@/lib/open-setting';
import { panelPositionSchema, parsePanelPositions } from '@/lib/storage/panel-position-item';
import { readScriptLanguage, saveScriptLanguage } from '@/lib/storage/script-language-item';
import { overridesOffItem, readOverridesOff } from '@/lib/storage/team-fixes-item';
import { loadOwnUserAdapters, userAdaptersItem } from '@/lib/storage/user-adapters-item';

// The answers of the schemas the panel bundle imports besides messages and adapters (source
// rules, call scripts, the panel's stored position, language choice, dismissed zone notices and
// switched-off fixes, and its two small page messages), pinned in the snapshot: moving them to
// zod/mini to keep classic zod off CRM pages must leave what they accept, keep and refuse, and
// the reasons the options page shows, as they were.

interface Parser {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: $ZodError };
}

function answer(schema: Parser, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? { data: result.data } : { issues: result.error.issues };
}

const step = { kind: 'opening', title: ' Hello ', text: ' Hi {{customer.firstName}} ' };
const card = { kind: 'best_price', title: 'Price', text: 'We match it.' };
const script = {
  id: 'first-call_2',
  version: 3,
  name: ' First call ',
  lang: 'en',
  sources: ['website', 'marktplaats'],
  situation: 'first_contact',
  steps: [step],
  cards: [card],
};

describe('panel schemas', () => {
  it.each<[string, Parser, unknown]>([
    ['source rule: trimmed', sourceRuleSchema, { match: ' Auto Track ', source: 'autotrack' }],
    ['source rule: blank and a bad source', sourceRuleSchema, { match: '   ', source: 'Auto Track' }],
    ['source rule: too long', sourceRuleSchema, { match: 'x'.repeat(101), source: 'x' }],
    ['source rules: two', sourceRulesSchema, [{ match: 'a', source: 'website' }, { match: 'b', source: 'phone' }]],
    ['source rules: too many', sourceRulesSchema, Array.from({ length: 501 }, () => ({ match: 'a', source: 'website' }))],
    ['source rules: not a list', sourceRulesSchema, { match: 'a', source: 'website' }],
    ['position: valid', panelPositionSchema, { h: 'left', x: 0, v: 'bottom', y: 100_000 }],
    ['position: out of range', panelPositionSchema, { h: 'middle', x: -1, v: 'top', y: 100_001 }],
    ['position: not finite', panelPositionSchema, { h: 'right', x: Number.POSITIVE_INFINITY, v: 'top', y: Number.NaN }],
    ['open setting: dealer name', openSettingRequestSchema, { leadpaceOpenSetting: 'dealerName' }],
    ['open setting: unknown', openSettingRequestSchema, { leadpaceOpenSetting: 'secret' }],
    ['open setting: other message', openSettingRequestSchema, { leadpace: 'panel-command' }],
    ['panel command: log', panelCommandMessageSchema, { leadpace: 'panel-command', command: 'log-attempt', extra: 1 }],
    ['panel command: other', panelCommandMessageSchema, { leadpace: 'other', command: 'reload' }],
    ['script step: trimmed', scriptStepSchema, step],
    ['script step: bad', scriptStepSchema, { kind: 'chat', title: ' ', text: 'x'.repeat(2001) }],
    ['script card: valid', scriptCardSchema, card],
    ['script card: a step kind', scriptCardSchema, { ...card, kind: 'opening', title: 'x'.repeat(81) }],
    ['script id: valid', scriptIdSchema, 'a_b-1'],
    ['script id: upper case', scriptIdSchema, 'First'],
    ['script: valid', callScriptSchema, script],
    ['script: no sources', callScriptSchema, { ...script, sources: [] }],
    ['script: duplicate sources', callScriptSchema, { ...script, sources: ['website', 'website'] }],
    [
      'script: everything wrong',
      callScriptSchema,
      { id: '', version: 0.5, name: '', lang: 'de', sources: ['Bad'], situation: 'any', steps: [], cards: Array.from({ length: 21 }, () => card) },
    ],
    ['script: version too high', callScriptSchema, { ...script, version: 1_000_001 }],
    ['scripts file: valid', scriptsFileSchema, { format: SCRIPTS_FILE_FORMAT, version: 1, scripts: [script] }],
    ['scripts file: bad', scriptsFileSchema, { format: 'scripts', version: 2, scripts: [{ ...script, steps: [{}] }] }],
  ])('%s', (_name, schema, value) => {
    expect(answer(schema, value)).toMatchSnapshot();
  });

  it('keeps the valid stored positions only', () => {
    expect(
      parsePanelPositions({
        hubspot: { h: 'left', x: 10, v: 'top', y: 20 },
        Bad: { h: 'left', x: 10, v: 'top', y: 20 },
        zoho: { h: 'left', x: -5, v: 'top', y: 20 },
        salesforce: 'top-left',
      }),
    ).toMatchSnapshot();
    expect(parsePanelPositions([1, 2])).toEqual({});
    expect(parsePanelPositions(null)).toEqual({});
  });

  it('ignores a panel command that is not the panel’s', () => {
    expect([panelCommandMessage('focus-panel'), panelCommandMessage('_execute_action')]).toMatchSnapshot();
  });
});

describe('stored panel choices', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads a language choice, and nothing from an unreadable store', async () => {
    await saveScriptLanguage('demo:L-1', 'nl', 5);
    expect(await readScriptLanguage('demo:L-1')).toBe('nl');
    await fakeBrowser.storage.local.set({ scriptLanguageByLead: { 'demo:L-1': { lang: 'de', at: 1 } } });
    expect(await readScriptLanguage('demo:L-1')).toBeNull();
    await fakeBrowser.storage.local.set({ scriptLanguageByLead: { [`d:${'x'.repeat(300)}`]: { lang: 'en', at: 1 }, 'demo:L-1': { lang: 'en', at: 1 } } });
    expect(await readScriptLanguage('demo:L-1')).toBeNull();
    await fakeBrowser.storage.local.set({ scriptLanguageByLead: { 'demo:L-1': { lang: 'en', at: '1' } } });
    expect(await readScriptLanguage('demo:L-1')).toBeNull();
  });

  it('adds a dismissed zone notice to a readable list, and starts again from an unreadable one', async () => {
    const notice = { crm: 'hubspot', dealerZone: 'Europe/Amsterdam', minutes: 60, exact: true, fittingBrowserZone: null };
    await zoneNoticeDismissedItem.setValue({ zoho: 'Europe/London' });
    await dismissZoneNotice(notice);
    expect(await zoneNoticeDismissedItem.getValue()).toEqual({ zoho: 'Europe/London', hubspot: 'Europe/Amsterdam' });
    await fakeBrowser.storage.local.set({ zoneNoticeDismissed: { zoho: 7 } });
    await dismissZoneNotice(notice);
    expect(await zoneNoticeDismissedItem.getValue()).toEqual({ hubspot: 'Europe/Amsterdam' });
    await fakeBrowser.storage.local.set({ zoneNoticeDismissed: { [`x${'y'.repeat(100)}`]: 'Europe/London' } });
    await dismissZoneNotice(notice);
    expect(await zoneNoticeDismissedItem.getValue()).toEqual({ hubspot: 'Europe/Amsterdam' });
  });

  it('reads the switched-off fixes, all or nothing', async () => {
    await overridesOffItem.setValue({ hubspot: 2, zoho: 1 });
    expect(await readOverridesOff()).toEqual({ hubspot: 2, zoho: 1 });
    await overridesOffItem.setValue({ hubspot: 2, zoho: 0 });
    expect(await readOverridesOff()).toEqual({});
    await overridesOffItem.setValue({ hubspot: 1.5 });
    expect(await readOverridesOff()).toEqual({});
  });

  it('reads the dealer’s own adapters from a list only', async () => {
    const own = {
      kind: 'leadpace-user-adapter',
      version: 1,
      id: 'user-garage-crm',
      name: 'Garage CRM',
      origin: 'https://crm.garage.example',
      idFromUrl: { query: 'id' },
      fields: { name: ['.name'] },
      createdAt: '2025-03-01T10:00:00Z',
    };
    await userAdaptersItem.setValue([{ kind: 'x' }, own]);
    expect(await loadOwnUserAdapters()).toEqual([own]);
    await fakeBrowser.storage.local.set({ userAdapters: { kind: 'x' } });
    expect(await loadOwnUserAdapters()).toEqual([]);
  });
});

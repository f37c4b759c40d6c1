// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// Options and the team server, which show and send these reasons, load zod's English messages.
import '@/lib/zod-english';
import { demoAdapter } from '@/lib/crms/demo/adapter';
import { ADAPTER_OVERRIDE_KIND, parseAdapterOverride, plausibleSelector, type AdapterOverride } from '@/lib/adapters/overrides/schema';
import { withOverride } from '@/lib/adapters/overrides/with-override';

const PAGE = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/crm/demo/lead-full.html');
const URL_OF_PAGE = new URL('http://leadpace-demo.localhost:5190/leads/L-1042');
const page = () => new DOMParser().parseFromString(readFileSync(PAGE, 'utf8'), 'text/html');

const fix = (fields: AdapterOverride['fields'], crm = 'demo'): AdapterOverride => ({ kind: ADAPTER_OVERRIDE_KIND, version: 1, crm, fields });

describe('plausibleSelector (the check that needs no browser)', () => {
  it.each([
    ['.lead-fields dd', true],
    ['a[href^="tel:"]', true],
    ['li:nth-child(2) > small', true],
    ['[data-x="a]b"]', true],
    ['x-card >>> .phone', true],
    ['a[href', false],
    ['li:not(.x', false],
    ['a]', false],
    ['[title="open]', false],
    ['dd { color: red }', false],
    ['dd; drop', false],
    ['dd\u0000', false],
  ])('%s → %s', (selector, expected) => {
    expect(plausibleSelector(selector)).toBe(expected);
  });
});

describe('adapterOverrideSchema', () => {
  it('accepts a fix of one field', () => {
    expect(parseAdapterOverride(fix({ source: ['.topbar-branch'] }))).toEqual({ ok: true, override: fix({ source: ['.topbar-branch'] }) });
  });

  it.each([
    ['no field', { ...fix({ source: ['x'] }), fields: {} }, 'at least one field'],
    ['the lead id', { ...fix({ source: ['x'] }), fields: { leadId: ['.id'] } }, 'leadId'],
    ['an empty selector list', fix({ source: [] }), 'fields.source'],
    ['a broken selector', fix({ source: ['a[href'] }), 'not a valid CSS selector'],
    ['a dealer adapter', fix({ source: ['x'] }, 'user-garage'), 'edited, not overridden'],
    ['another kind', { ...fix({ source: ['x'] }), kind: 'leadpace-user-adapter' }, 'kind'],
    ['nine selectors', fix({ source: Array.from({ length: 9 }, (_, i) => `.s${i}`) }), 'fields.source'],
    ['a 501-character selector', fix({ source: [`.${'a'.repeat(500)}`] }), 'fields.source'],
  ])('refuses %s with a reason', (_, raw, reason) => {
    const parsed = parseAdapterOverride(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});

describe('withOverride', () => {
  it('reads the fixed field where the selectors find it, the rest as built in', () => {
    const snapshot = withOverride(demoAdapter, fix({ source: ['.topbar-branch'] })).extract(page(), URL_OF_PAGE);
    const builtIn = demoAdapter.extract(page(), URL_OF_PAGE);
    expect(builtIn?.sourceRaw).toBe('Marktplaats');
    expect(snapshot).toEqual({ ...builtIn, sourceRaw: 'Vestiging Utrecht-Noord', source: expect.any(String) });
    expect(snapshot?.source).not.toBe('marktplaats');
  });

  it('keeps the built-in value when no selector matches', () => {
    const snapshot = withOverride(demoAdapter, fix({ source: ['.no-such-thing', '#nor-this'] })).extract(page(), URL_OF_PAGE);
    expect(snapshot).toEqual(demoAdapter.extract(page(), URL_OF_PAGE));
  });

  it('fills a field the built-in reading missed and takes it off the missing list', () => {
    const doc = page();
    doc.querySelectorAll('dt').forEach((dt) => {
      if (dt.textContent === 'Interesse') dt.textContent = 'Wensauto';
    });
    expect(demoAdapter.extract(doc, URL_OF_PAGE)?.missing).toContain('vehicle');
    const snapshot = withOverride(demoAdapter, fix({ vehicle: ['.lead-fields dt:nth-of-type(4) + dd'] })).extract(doc, URL_OF_PAGE);
    expect(snapshot?.vehicle).toBe('Volkswagen Golf 1.5 eTSI Life (2021, 48.000 km)');
    expect(snapshot?.missing).not.toContain('vehicle');
  });

  it('reads times, phones and e-mail the way the built-in adapters do', () => {
    const doc = page();
    doc.body.insertAdjacentHTML(
      'beforeend',
      '<p id="when"><time datetime="2026-11-25T08:00:00+01:00">gisteren</time></p><p id="call"><a href="tel:+31201234567">bel</a></p><p id="mail"><a href="mailto:x@example.com">mail</a></p>',
    );
    const snapshot = withOverride(demoAdapter, fix({ receivedAt: ['#when'], phone: ['#call'], email: ['#mail'] })).extract(doc, URL_OF_PAGE);
    expect(snapshot).toMatchObject({ receivedAt: '2026-11-25T07:00:00.000Z', phone: '+31201234567', email: 'x@example.com' });
  });

  it('leaves another CRM’s adapter, the lead id and no-lead pages alone', () => {
    const other = fix({ source: ['.topbar-branch'] }, 'hubspot');
    expect(withOverride(demoAdapter, other)).toBe(demoAdapter);
    expect(withOverride(demoAdapter, undefined)).toBe(demoAdapter);
    const fixed = withOverride(demoAdapter, fix({ name: ['.topbar-user'] }));
    expect(fixed.extract(page(), URL_OF_PAGE)?.leadId).toBe('L-1042');
    const empty = new DOMParser().parseFromString('<p>nothing</p>', 'text/html');
    expect(fixed.extract(empty, new URL('http://leadpace-demo.localhost:5190/leads'))).toBeNull();
  });
});

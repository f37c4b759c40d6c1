// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { arrivalFromEntries } from '@/lib/adapters/arrival';
import { carflowAdapter } from '@/lib/crms/carflow/adapter';
import { vinsolutionsAdapter } from '@/lib/crms/vinsolutions/adapter';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
// Thursday 26 November 2026, 13:45 in Amsterdam (the zone zone-less times are read in).
const NOW = new Date('2026-11-26T12:45:00Z');
const ARRIVAL = /\blead\b[^.]{0,20}\b(?:aangemaakt|received)\b/i;

describe('arrivalFromEntries', () => {
  it.each([
    ['the arrival entry', '<ol><li>26/11/2026 11:02 – status gewijzigd</li><li>26/11/2026 09:41 – Lead aangemaakt via Marktplaats</li></ol>', '2026-11-26T08:41:00.000Z'],
    ['the earliest of several', '<ul><li>25/11/2026 10:00 – Lead aangemaakt (duplicaat)</li><li>24/11/2026 16:20 – Lead aangemaakt via AutoTrack</li></ul>', '2026-11-24T15:20:00.000Z'],
    ['a date in its own cell', '<table><tr><td>Lead received</td><td>11/24/2026 9:12 AM</td></tr></table>', '2026-11-24T08:12:00.000Z'],
    ['no arrival entry', '<ol><li>26/11/2026 11:02 – offerte verstuurd</li></ol>', null],
    ['an arrival entry without a date', '<ol><li>Lead aangemaakt via Marktplaats</li></ol>', null],
    ['a list inside an entry, not one entry', '<ul><li>Activiteiten<ul><li>gebeld</li></ul> 26/11/2026 09:41 – Lead aangemaakt</li></ul>', null],
  ])('%s', (_label, html, expected) => {
    expect(arrivalFromEntries(parse(html).body, { entry: ARRIVAL, now: NOW })?.toISOString() ?? null).toBe(expected);
  });

  it('applies the CRM’s own clean-up before reading the date', () => {
    const doc = parse('<ul><li>11/24/26 9:12a — Lead received from TrueCar</li></ul>');
    const clean = (text: string) => text.replace(/(\d:\d{2})a$/, '$1 AM');
    expect(arrivalFromEntries(doc.body, { entry: ARRIVAL, now: NOW, clean })?.toISOString()).toBe('2026-11-24T08:12:00.000Z');
  });
});

describe('adapters read the arrival from the history when no created field is shown', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('Carflow: the activities’ "Lead aangemaakt" entry', () => {
    const doc = parse(`<main><section><h1>Sanne de Vries</h1>
      <div><span>Bron</span><span>Marktplaats</span></div><div><span>Laatste activiteit</span><span>26/11/2026 11:02</span></div></section>
      <section><h2>Activiteiten</h2><ol><li>26/11/2026 11:02 – Mark Visser: status gewijzigd naar In behandeling</li>
      <li>26/11/2026 09:41 – Lead aangemaakt via Marktplaats</li></ol></section></main>`);
    const snapshot = carflowAdapter.extract(doc, new URL('https://app.carflowmanager.com/nl/leads/184523'));
    expect(snapshot?.receivedAt).toBe('2026-11-26T08:41:00.000Z');
  });

  it('VinSolutions: the notes and history’s "Lead received" entry, in its short format', () => {
    const doc = parse(`<form><input type="hidden" name="ctl00$Main$AutoLeadID" value="2091177340">
      <div><div>Lead Source</div><div>TrueCar</div></div>
      <ul><li>11/25/26 3:40p — Phone call, outbound</li><li>11/24/26 9:12a — Lead received from TrueCar</li></ul></form>`);
    const snapshot = vinsolutionsAdapter.extract(doc, new URL('https://vinsolutions.app.coxautoinc.com/CarDashboard/Pages/LeadManagement/LeadInformation.aspx'));
    expect(snapshot?.receivedAt).toBe('2026-11-24T08:12:00.000Z');
  });
});

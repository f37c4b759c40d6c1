// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectZoneSamples } from '@/lib/content/zone-samples';
import { checkDealerZone } from '@/lib/domain/zone-check';

// eLead and VinSolutions show a lead in same-origin frames: the panel runs in the frame that
// holds the lead, and eLead prints more times in frames inside that one. The zone evidence is
// read from the document and its same-origin frames, on the saved frame pages.

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/crm');
const saved = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

/** Loads `html` into a same-origin frame appended to `host`'s body, and answers the frame's document. */
function frameIn(host: Document, html: string): Document {
  const frame = host.createElement('iframe');
  host.body.append(frame);
  const inner = frame.contentDocument;
  if (!inner) throw new Error('jsdom gave the frame no document');
  inner.open();
  inner.write(html);
  inner.close();
  return inner;
}

/** The test's top document as eLead's desk log, with the saved page in a frame (or two levels down). */
function inFrame(html: string, nested = false): Document {
  const title = document.createElement('h1');
  title.textContent = 'Desk log';
  document.body.replaceChildren(title);
  if (nested) frameIn(frameIn(document, '<!DOCTYPE html><html><body><p>Opportunity</p></body></html>'), html);
  else frameIn(document, html);
  return document;
}

describe('zone evidence from frames', () => {
  it('reads eLead’s "10:12 AM CST" times from the opportunity frame: Amsterdam is 7 hours off, Chicago fits', () => {
    const root = inFrame(saved('elead/oppty-details-desktop-frames.html'));
    const now = new Date('2026-11-26T16:00:00Z');
    const samples = collectZoneSamples(root, now);
    expect(samples.length).toBeGreaterThanOrEqual(2);
    expect(samples[0]).toEqual({ kind: 'paired', wall: { year: 2026, month: 11, day: 24, hour: 10, minute: 12 }, instant: Date.parse('2026-11-24T16:12:00Z') });
    expect(checkDealerZone({ samples, dealerZone: 'Europe/Amsterdam', now: now.getTime() })).toMatchObject({ kind: 'disagrees', offsetMinutes: -420, wholeHours: true });
    expect(checkDealerZone({ samples, dealerZone: 'America/Chicago', now: now.getTime() })).toEqual({ kind: 'agrees' });
  });

  it('reads an age in brackets ("9:42 AM (2 hrs)") two frames down', () => {
    const root = inFrame(saved('elead/oppty-details-internet.html'), true);
    // 9:42 AM in Chicago is 15:42 UTC; two hours later.
    const now = new Date('2026-11-26T17:42:00Z');
    const samples = collectZoneSamples(root, now);
    expect(samples).toEqual([
      { kind: 'relative', wall: { year: 2026, month: 11, day: 26, hour: 9, minute: 42 }, minAgoMs: 3_600_000, maxAgoMs: 3 * 3_600_000 },
    ]);
  });

  it.each([
    ['11/26/2026 9:42 AM (2 hrs)', 'relative'],
    ['11/24/2026 10:12 AM CST (2d 4h)', 'paired'],
    ['11/25/2026 2:31 PM CDT', 'paired'],
    ['11/24/26 9:12a (2d)', null], // a day-rounded age pins no hour
    ['11/26/2026 9:42 AM', null], // a wall time alone says nothing about its zone
  ])('a cell reading "%s" is %s evidence', (text, kind) => {
    document.body.replaceChildren();
    const cell = document.createElement('td');
    cell.textContent = text;
    const row = document.createElement('tr');
    row.append(cell);
    const table = document.createElement('table');
    table.append(row);
    document.body.append(table);
    expect(collectZoneSamples(document, new Date('2026-11-26T17:42:00Z')).map((sample) => sample.kind)).toEqual(kind ? [kind] : []);
  });

  it.each(['connect-lead-frame-label-above', 'customer-card-prefixed-ids', 'customer-dashboard-frame', 'labels-only-hidden-ids', 'legacy-vinmanager-switched-lead'])(
    'takes no day-rounded age as evidence on VinSolutions’ %s frame page',
    (page) => {
      const root = inFrame(saved(`vinsolutions/${page}.html`));
      expect(collectZoneSamples(root, new Date('2026-11-26T16:00:00Z'))).toEqual([]);
    },
  );
});

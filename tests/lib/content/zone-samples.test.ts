// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { collectZoneSamples, machineInstant, relativeAgo, zonelessWall } from '@/lib/content/zone-samples';

const now = new Date('2026-11-24T18:00:00Z');

describe('zone evidence on a CRM page', () => {
  it.each([
    ['2026-11-24T09:12:00-06:00', Date.parse('2026-11-24T15:12:00Z')],
    ['2026-11-24T15:12:00Z', Date.parse('2026-11-24T15:12:00Z')],
    ['2026-11-24 15:12:00+0100', Date.parse('2026-11-24T14:12:00Z')],
    ['1795532400', 1795532400_000],
    ['1795532400000', 1795532400_000],
    ['2026-11-24T15:12:00', null], // no zone: not a machine timestamp
    ['2026-11-24', null],
    ['12345', null],
    ['', null],
  ])('machine timestamp %s', (text, expected) => {
    expect(machineInstant(text)).toBe(expected);
  });

  it.each([
    ['24-11-2026 09:12', { year: 2026, month: 11, day: 24, hour: 9, minute: 12 }],
    ['11/24/2026 9:12 AM', { year: 2026, month: 11, day: 24, hour: 9, minute: 12 }],
    ['11/24/2026 9:12 AM EST', null], // names its zone
    ['2026-11-24T09:12:00-06:00', null],
    ['24-11-2026', null], // a date alone would be read as midnight
    ['3 uur geleden', null],
  ])('zone-less wall time %s', (text, expected) => {
    expect(zonelessWall(text, now)).toEqual(expected);
  });

  it.each([
    ['3 uur geleden', { minAgoMs: 2 * 3_600_000, maxAgoMs: 4 * 3_600_000 }],
    ['25 min geleden', { minAgoMs: 24 * 60_000, maxAgoMs: 26 * 60_000 }],
    ['2 hours ago', { minAgoMs: 3_600_000, maxAgoMs: 3 * 3_600_000 }],
    ['3 dagen geleden', null], // too coarse
    ['24-11-2026 09:12', null],
  ])('relative %s', (text, expected) => {
    expect(relativeAgo(text, now)).toEqual(expected);
  });

  it('pairs wall times with timestamps and "x ago", skipping Leadpace’s own panel', () => {
    const page = new DOMParser().parseFromString(`
      <time datetime="2026-11-24T09:12:00-06:00">24-11-2026 09:12</time>
      <span data-ts="1795532400">24-11-2026 05:40</span>
      <span title="24-11-2026 09:00">3 uur geleden</span>
      <time datetime="2026-11-24">24-11-2026</time>
      <leadpace-panel><time datetime="2026-11-24T16:12:00+01:00">24-11-2026 16:12</time></leadpace-panel>`, 'text/html');
    const samples = collectZoneSamples(page, now);
    expect(samples.map((s) => s.kind)).toEqual(['paired', 'paired', 'relative']);
    expect(samples[0]).toEqual({ kind: 'paired', wall: { year: 2026, month: 11, day: 24, hour: 9, minute: 12 }, instant: Date.parse('2026-11-24T15:12:00Z') });
  });
});

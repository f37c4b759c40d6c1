// @vitest-environment jsdom
import { dateInElement } from '@/lib/adapters/date-in-element';

const NOW = new Date('2026-11-26T14:00:00.000Z');

function el(html: string): Element {
  const first = new DOMParser().parseFromString(html, 'text/html').body.firstElementChild;
  if (!first) throw new Error('fixture has no element');
  return first;
}

describe('dateInElement', () => {
  it.each([
    ['creator before the time', '<div><span>Web Forms</span><span>Nov 24, 2026 at 9:12 AM</span></div>', '2026-11-24T08:12:00.000Z'],
    ['relative German time', '<p><span>Webformulare</span> · <span>vor 2 Tagen um 09:12</span></p>', '2026-11-24T08:12:00.000Z'],
    ['European slash date, 24-hour clock', '<li><span>24/11/2026 09:12</span><div>Lead <b>Daan</b> was created</div></li>', '2026-11-24T08:12:00.000Z'],
    ['a leaf element on its own', '<span>11/24/2026 09:12 AM</span>', '2026-11-24T08:12:00.000Z'],
    ['a US zone abbreviation', '<div><b>Created</b><i>11/24/2026 9:12 AM EST</i></div>', '2026-11-24T14:12:00.000Z'],
  ])('reads %s', (_label, html, expected) => {
    expect(dateInElement(el(html), NOW)).toBe(expected);
  });

  it.each([
    ['a date without a time (it would start the clock at midnight)', '<div><span>Expected close</span><span>Dec 3, 2026</span></div>'],
    ['no date at all', '<div><span>Deal age</span><span>2 days</span></div>'],
  ])('gives nothing for %s', (_label, html) => {
    expect(dateInElement(el(html), NOW)).toBeUndefined();
  });

  it('gives nothing for no element', () => {
    expect(dateInElement(null, NOW)).toBeUndefined();
  });

  it('takes the last date first when asked (a user name above, the time under it)', () => {
    const cell = el('<div><span>Nov 20, 2026 08:00 AM</span><span>Mark Visser</span><span>Nov 24, 2026 09:12 AM</span></div>');
    expect(dateInElement(cell, NOW)).toBe('2026-11-20T07:00:00.000Z');
    expect(dateInElement(cell, NOW, { lastFirst: true })).toBe('2026-11-24T08:12:00.000Z');
  });
});

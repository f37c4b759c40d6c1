// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RepFunnelPlot } from '@/components/report/source/RepFunnelPlot';
import { I18nProvider } from '@/components/ui/i18n';
import { rateOf, type RepFunnel } from '@/lib/domain/report';
import type { Lang } from '@/lib/i18n';

afterEach(cleanup);

const FLOOR = 0.13;
const rep = (name: string, received: number, sold: number): RepFunnel => ({
  rep: name,
  received,
  reached: received,
  appointment: sold,
  shown: sold,
  sold,
  conversion: rateOf(sold, received, FLOOR),
});

// Anna: 2 of 100 (clearly below); Bram: 40 of 120 (clearly above); Cas: 1 of 9 (can't tell).
const REPS = [rep('Anna', 100, 2), rep('Bram', 120, 40), rep('Cas', 9, 1), rep('Dirk', 0, 0)];

const renderPlot = (lang: Lang = 'en') =>
  render(
    <I18nProvider lang={lang}>
      <RepFunnelPlot reps={REPS} floor={FLOOR} />
    </I18nProvider>,
  );

describe('RepFunnelPlot', () => {
  it('puts a dot per rep with leads, coloured by the verdict, with its numbers on hover', () => {
    const { container } = renderPlot();
    const dots = [...container.querySelectorAll('circle.rp-rep-dot')];
    expect(dots.map((d) => [d.getAttribute('data-rep'), d.getAttribute('data-verdict')])).toEqual([
      ['Anna', 'below'],
      ['Bram', 'above'],
      ['Cas', 'unsure'],
    ]);
    expect(dots[0]?.querySelector('title')?.textContent).toBe('Anna: 2.0% (2 of 100, 95% band at the floor 6.4%–19.6%) · Below the floor');
    // More leads lie further right; a higher conversion higher up.
    const cx = dots.map((d) => Number(d.getAttribute('cx')));
    const cy = dots.map((d) => Number(d.getAttribute('cy')));
    expect(cx[2]).toBeLessThan(cx[0] ?? 0);
    expect(cx[0]).toBeLessThan(cx[1] ?? 0);
    expect(cy[1]).toBeLessThan(cy[0] ?? 0);
  });

  it('draws the floor and both limits, and the same numbers as a table', () => {
    const { container } = renderPlot();
    expect(container.querySelectorAll('polyline.rp-limit')).toHaveLength(2);
    expect(container.querySelector('line.rp-floor')).not.toBeNull();
    const table = screen.getByTestId('rep-funnel-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent))).toEqual([
      ['Anna', '100', '2', '2.0%', '6.4%–19.6%', 'Below the floor'],
      ['Bram', '120', '40', '33.3%', '7.0%–19.0%', 'At or above'],
      ['Cas', '9', '1', '11.1%', '0.0%–35.0%', "Can't tell yet"],
    ]);
  });

  it('speaks Dutch', () => {
    renderPlot('nl');
    expect(screen.getByRole('heading').textContent).toBe('Verkopers rond de ondergrens (trechterplot)');
    expect(within(screen.getByTestId('rep-funnel-table')).getByText('Onder de grens')).toBeTruthy();
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NowSection } from '@/components/popup/NowSection';
import { I18nProvider } from '@/components/ui/i18n';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { DEFAULT_CADENCE_SETTINGS } from '@/lib/domain/cadence';
import { rankOpenLeads } from '@/lib/domain/metrics';
import { ams, backlog, record } from '@/tests/fixtures/lead-records';

afterEach(cleanup);

function renderNow(lang: 'en' | 'nl' = 'en') {
  const leads = [...backlog(29), { key: 'fresh', received: '2026-03-10 10:01' }].map(record);
  const ranked = rankOpenLeads(leads, ams('2026-03-10 10:04'), DEFAULT_CADENCE_SETTINGS, DEFAULT_OPENING_HOURS);
  render(
    <I18nProvider lang={lang}>
      <NowSection ranked={ranked} openingKey={null} onOpen={vi.fn<(key: string) => void>()} />
    </I18nProvider>,
  );
}

describe('NowSection', () => {
  it('shows a lead that came in 3 minutes ago on top of 29 overdue ones, not under "…and 22 more"', () => {
    renderNow();
    const rows = within(screen.getByTestId('now-list')).getAllByTestId('now-row');
    expect(rows.map((r) => [r.dataset.leadKey, r.dataset.state]).slice(0, 3)).toEqual([
      ['demo:fresh', 'new'],
      ['demo:old-00', 'overdue'],
      ['demo:old-01', 'overdue'],
    ]);
    expect(rows[0]?.textContent).toMatch(/Call now/);
    expect(rows[1]?.textContent).toMatch(/late/);
    expect(screen.getByTestId('now-more').textContent).toBe('…and 22 more (see My leads)');
  });

  it('in Dutch too', () => {
    renderNow('nl');
    const [first] = within(screen.getByTestId('now-list')).getAllByTestId('now-row');
    expect(first?.dataset.leadKey).toBe('demo:fresh');
    expect(screen.getByTestId('now-more').textContent).toBe('…en nog 22 (zie Mijn leads)');
  });
});

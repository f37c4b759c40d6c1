// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MarketingSpend, parseAmount } from '@/components/options/MarketingSpend';
import { I18nProvider } from '@/components/ui/i18n';
import { readSpendBook, spendItem } from '@/lib/storage/spend-item';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('parseAmount', () => {
  it.each([
    ['1500', 1500],
    ['1.234,50', 1234.5],
    ['1,234.50', 1234.5],
    ['€ 99,9', 99.9],
    ['0', 0],
    ['1.500', 1500],
    ['-5', null],
    ['lots', null],
    ['', null],
  ])('%s → %s', (text, n) => {
    expect(parseAmount(text)).toBe(n);
  });
});

describe('MarketingSpend', () => {
  const renderIt = () =>
    render(
      <I18nProvider lang="en">
        <MarketingSpend />
      </I18nProvider>,
    );

  it('links to the source report, where the spend is used', () => {
    renderIt();
    const link = screen.getByTestId('open-report');
    expect([link.textContent, link.getAttribute('href'), link.getAttribute('target')]).toEqual(['Source report', '/report.html', '_blank']);
  });

  it('saves an amount per source and month; a second one for the same month replaces it', async () => {
    renderIt();
    fireEvent.change(screen.getByTestId('spend-source'), { target: { value: 'marktplaats' } });
    fireEvent.change(screen.getByTestId('spend-month'), { target: { value: '2026-11' } });
    fireEvent.change(screen.getByTestId('spend-amount'), { target: { value: '1.250,00' } });
    fireEvent.click(screen.getByTestId('spend-add'));
    await waitFor(async () => expect((await readSpendBook()).entries).toEqual([{ source: 'marktplaats', month: '2026-11', amount: 1250 }]));
    fireEvent.change(screen.getByTestId('spend-amount'), { target: { value: '900' } });
    fireEvent.click(screen.getByTestId('spend-add'));
    await waitFor(async () => expect((await readSpendBook()).entries).toEqual([{ source: 'marktplaats', month: '2026-11', amount: 900 }]));
  });

  it('a CSV with a bad line imports nothing and names the line; a good one imports every line', async () => {
    await spendItem.setValue({ currency: 'EUR', entries: [] });
    renderIt();
    const pick = (csv: string) => fireEvent.change(screen.getByTestId('spend-file'), { target: { files: [new File([csv], 'spend.csv')] } });
    pick('source;month;amount\nwebsite;2026-11;300\nmarktplaats;november;50\n');
    await waitFor(() => expect(screen.getByTestId('spend-message').textContent).toBe('Nothing imported: these lines are not "source; YYYY-MM; amount": 3.'));
    expect((await readSpendBook()).entries).toEqual([]);
    pick('source;month;amount\nwebsite;2026-11;300\nmarktplaats;2026-11;50,50\n');
    await waitFor(() => expect(screen.getByTestId('spend-message').textContent).toBe('2 amounts imported.'));
    expect((await readSpendBook()).entries).toHaveLength(2);
  });
});

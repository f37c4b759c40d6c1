// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DriftNotice, type DriftAccess } from '@/components/popup/DriftNotice';
import { I18nProvider } from '@/components/ui/i18n';
import { withPage, type CrmHealth } from '@/lib/domain/adapter-health';
import type { Lang } from '@/lib/i18n';

afterEach(cleanup);

function health(read: number, asked: number, count = 20, name = 'HubSpot CRM'): CrmHealth {
  let h: CrmHealth | undefined;
  for (let i = 0; i < count; i++) h = withPage(h, { at: i, read, asked }, `L-${i}`, name);
  return h ?? { pages: [] };
}

function renderNotice(all: Record<string, CrmHealth>, told: Record<string, number> = {}, options: { lang?: Lang; capture?: () => void } = {}) {
  const markTold = vi.fn<DriftAccess['markTold']>(() => Promise.resolve());
  const access: DriftAccess = { read: () => Promise.resolve({ health: all, told }), markTold };
  render(
    <I18nProvider lang={options.lang ?? 'en'}>
      <DriftNotice access={access} onCapture={options.capture} />
    </I18nProvider>,
  );
  return { markTold };
}

describe('DriftNotice', () => {
  it('says which CRM reads badly, how badly, and offers a capture', async () => {
    const capture = vi.fn();
    const { markTold } = renderNotice({ hubspot: health(2, 6) }, {}, { capture });
    const notice = await screen.findByTestId('health-drift');
    expect(notice.dataset.crm).toBe('hubspot');
    expect(notice.textContent).toContain('33%');
    expect(notice.textContent).toContain('HubSpot CRM');
    await userEvent.click(screen.getByTestId('health-drift-capture'));
    expect(capture).toHaveBeenCalledOnce();
    expect(markTold).toHaveBeenCalledWith('hubspot');
    expect(screen.queryByTestId('health-drift')).toBeNull();
  });

  it('is dismissed once and then shows the next drifting CRM', async () => {
    const { markTold } = renderNotice({ hubspot: health(2, 6), zoho: health(1, 6, 20, 'Zoho CRM') }, {}, { lang: 'nl' });
    expect((await screen.findByTestId('health-drift')).dataset.crm).toBe('hubspot');
    await userEvent.click(screen.getByTestId('health-drift-dismiss'));
    expect(markTold).toHaveBeenCalledWith('hubspot');
    expect((await screen.findByTestId('health-drift')).textContent).toContain('Zoho CRM');
  });

  it('says nothing for a CRM already told, or one that reads well', async () => {
    renderNotice({ hubspot: health(2, 6), zoho: health(6, 6) }, { hubspot: 1 });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('health-drift')).toBeNull();
  });

  it('has no capture button when the popup cannot capture the page', async () => {
    renderNotice({ hubspot: health(0, 6) });
    await screen.findByTestId('health-drift');
    expect(screen.queryByTestId('health-drift-capture')).toBeNull();
  });
});

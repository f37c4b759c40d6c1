// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ZoneNotice } from '@/components/panel/ZoneNotice';
import { I18nProvider } from '@/components/ui/i18n';
import { zoneNoticeFor, dismissZoneNotice, type ZoneNotice as Notice } from '@/lib/content/zone-notice';
import type { Lang } from '@/lib/i18n';
import type { OpenableSetting } from '@/lib/open-setting';

const notice = (over: Partial<Notice> = {}): Notice => ({
  crm: 'demo',
  dealerZone: 'Europe/Amsterdam',
  minutes: -420,
  exact: true,
  fittingBrowserZone: null,
  ...over,
});

function show(lang: Lang, value: Notice) {
  const openSetting = vi.fn<(field: OpenableSetting) => void>();
  const onDismiss = vi.fn();
  render(
    <I18nProvider lang={lang}>
      <ZoneNotice notice={value} onDismiss={onDismiss} openSetting={openSetting} />
    </I18nProvider>,
  );
  return { openSetting, onDismiss };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup());

describe('ZoneNotice', () => {
  it.each([
    ['en', notice(), 'Times on this page run 7 h behind your dealer zone (Europe/Amsterdam): is the zone right?'],
    ['nl', notice(), 'Tijden op deze pagina lopen 7 uur achter op je dealerzone (Europe/Amsterdam): klopt de zone?'],
    ['en', notice({ minutes: 270, dealerZone: 'Europe/London' }), 'Times on this page run 4.5 h ahead of your dealer zone (Europe/London): is the zone right?'],
    ['nl', notice({ minutes: 270 }), 'Tijden op deze pagina lopen 4,5 uur voor op je dealerzone (Europe/Amsterdam): klopt de zone?'],
    ['en', notice({ minutes: 360, exact: false, dealerZone: 'America/Chicago' }), 'Times on this page run at least 6 h ahead of your dealer zone (America/Chicago): is the zone right?'],
    ['en', notice({ fittingBrowserZone: 'America/Chicago' }), 'Your browser’s zone, America/Chicago, fits.'],
  ] as const)('%s: says %s', (lang, value, text) => {
    show(lang, value);
    expect(screen.getByTestId('zone-notice').textContent).toContain(text);
  });

  it('its link opens the dealer-zone setting and its × dismisses it', async () => {
    const { openSetting, onDismiss } = show('en', notice());
    await userEvent.click(screen.getByTestId('zone-notice-open'));
    expect(openSetting).toHaveBeenCalledWith('timeZone');
    await userEvent.click(screen.getByRole('button', { name: 'Hide this notice for this CRM' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});

/** A CRM page whose lead times are printed in America/Chicago beside their own timestamps. */
function chicagoPage(): Document {
  return new DOMParser().parseFromString(`
    <dl><dt>Created</dt><dd><time datetime="2026-11-24T09:12:00-06:00">24-11-2026 09:12</time></dd></dl>
    <ul><li><span title="2026-11-23T16:40:00-06:00">23-11-2026 16:40</span></li>
        <li><lightning-formatted-date-time value="2026-11-22T08:05:00.000Z">22-11-2026 02:05</lightning-formatted-date-time></li></ul>`, 'text/html');
}

describe('zoneNoticeFor', () => {
  const now = new Date('2026-11-24T18:00:00Z');
  it('a Chicago page read as Amsterdam gets a notice; dismissed, it stays away for that CRM and zone only', async () => {
    const input = { crm: 'demo', dealerZone: 'Europe/Amsterdam', browserZone: 'America/Chicago', root: chicagoPage(), now };
    const found = await zoneNoticeFor(input);
    expect(found).toEqual({ crm: 'demo', dealerZone: 'Europe/Amsterdam', minutes: -420, exact: true, fittingBrowserZone: 'America/Chicago' });
    if (!found) throw new Error('no notice');
    await dismissZoneNotice(found);
    expect(await zoneNoticeFor(input)).toBeNull();
    expect(await zoneNoticeFor({ ...input, crm: 'hubspot' })).not.toBeNull();
    expect(await zoneNoticeFor({ ...input, dealerZone: 'Europe/London' })).toMatchObject({ minutes: -360 });
  });

  it('no notice when the page agrees, or shows too little', async () => {
    expect(await zoneNoticeFor({ crm: 'demo', dealerZone: 'America/Chicago', browserZone: undefined, root: chicagoPage(), now })).toBeNull();
    const thin = new DOMParser().parseFromString('<time datetime="2026-11-24T09:12:00-06:00">24-11-2026 09:12</time><time datetime="2026-11-24">24-11-2026</time>', 'text/html');
    expect(await zoneNoticeFor({ crm: 'demo', dealerZone: 'Europe/Amsterdam', browserZone: undefined, root: thin, now })).toBeNull();
  });
});

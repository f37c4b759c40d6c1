import { browser } from 'wxt/browser';
import type { ZoneNotice as Notice } from '@/lib/content/zone-notice';
import type { OpenableSetting } from '@/lib/open-setting';
import { useI18n } from '../ui/i18n';
import '@/lib/i18n/messages/panel';

const openSettingInWorker = (field: OpenableSetting) => void browser.runtime.sendMessage({ leadpaceOpenSetting: field }).catch(() => undefined);

interface Props {
  notice: Notice;
  onDismiss: () => void;
  openSetting?: (field: OpenableSetting) => void;
}

/** One line: the page's own times say the dealer zone is off by whole hours. */
export function ZoneNotice({ notice, onDismiss, openSetting = openSettingInWorker }: Props) {
  const { t, lang } = useI18n();
  const hours = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 }).format(Math.abs(notice.minutes) / 60);
  const behind = notice.minutes < 0;
  const key = notice.exact ? (behind ? 'panel.zone.behind' : 'panel.zone.ahead') : behind ? 'panel.zone.behindAtLeast' : 'panel.zone.aheadAtLeast';
  return (
    <p className="lp-warn lp-zone" role="status" data-testid="zone-notice" data-minutes={notice.minutes}>
      {t(key, { hours, zone: notice.dealerZone })}
      {notice.fittingBrowserZone ? ` ${t('panel.zone.browserFits', { zone: notice.fittingBrowserZone })}` : null}{' '}
      <button type="button" className="lp-link" data-testid="zone-notice-open" onClick={() => openSetting('timeZone')}>
        {t('panel.zone.open')}
      </button>
      <button type="button" className="lp-zone-dismiss" data-testid="zone-notice-dismiss" aria-label={t('panel.zone.dismiss')} title={t('panel.zone.dismiss')} onClick={onDismiss}>
        ×
      </button>
    </p>
  );
}

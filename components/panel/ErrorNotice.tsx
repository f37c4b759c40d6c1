import type { PanelErrorCode } from '@/lib/content/client';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../ui/i18n';
import '@/lib/i18n/messages/common';

const KEYS: Record<PanelErrorCode, MessageKey> = {
  invalid: 'error.invalid',
  forbidden: 'error.invalid',
  db: 'error.db',
  'not-found': 'error.notFound',
  unknown: 'error.unknown',
  updated: 'error.updated',
  unavailable: 'error.unavailable',
};

export function ErrorNotice({ code, reason }: { code: PanelErrorCode; reason: string }) {
  const { t } = useI18n();
  const reloadable = code === 'updated' || code === 'unavailable' || code === 'not-found';
  return (
    <div className="lp-error" role="alert" data-testid="panel-error" data-code={code}>
      <p className="lp-flush">{t(KEYS[code], { reason })}</p>
      {reloadable ? (
        <button type="button" className="lp-secondary lp-error-action" onClick={() => location.reload()}>
          {t('common.reload')}
        </button>
      ) : null}
    </div>
  );
}

import { useState } from 'react';
import { useI18n } from '../ui/i18n';
import '@/lib/i18n/messages/panel';

/**
 * The rep's own note: saved on blur, kept in this browser only. Keyed by lead and saved text
 * by its parent, so a drawer switch or a save starts a fresh draft.
 */
export function NoteField({ note, onSave }: { note: string; onSave: (text: string) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(note);
  return (
    <label className="lp-note">
      <span className="lp-section-title">{t('panel.note')}</span>
      <textarea
        data-testid="lead-note"
        rows={2}
        maxLength={5000}
        value={draft}
        placeholder={t('panel.notePlaceholder')}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => {
          if (draft !== note) onSave(draft);
        }}
      />
    </label>
  );
}

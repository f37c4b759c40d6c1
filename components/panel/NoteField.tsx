import { useEffect, useState } from 'react';
import { useI18n } from '../ui/i18n';

/** The rep's own note: saved on blur, kept in this browser only. */
export function NoteField({ leadKey, note, onSave }: { leadKey: string; note: string; onSave: (text: string) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(note);
  // A different lead (drawer switch) or a saved note from elsewhere replaces the draft.
  useEffect(() => setDraft(note), [leadKey, note]);
  return (
    <label style={{ display: 'grid', gap: 4 }}>
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
        style={{ font: 'inherit', fontSize: 12, border: '1px solid #b8c4d1', borderRadius: 6, padding: 6, resize: 'vertical' }}
      />
    </label>
  );
}

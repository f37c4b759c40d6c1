import { useState, type FormEvent } from 'react';
import { describeTeamError } from '@/lib/i18n/team-errors';
import { useI18n } from '../../ui/i18n';
import { describeTeamFailure, type TeamOptionsApi } from './team-api';
import '@/lib/i18n/messages/team';

/**
 * A manager turns a pairing code from the server admin into an invitation: the code, then `#`
 * and the team key. The key exists only in the team's browsers, so a rep can join only this way.
 */
export function TeamInvite({ api }: { api: TeamOptionsApi }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [made, setMade] = useState<{ code: string; link: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const onMake = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setCopied(false);
    if (code.trim() === '') {
      setError(t('team.invite.codeMissing'));
      return;
    }
    const result = await api.invitation(code.trim()).catch(() => null);
    if (result === null) setError(describeTeamError(t, 'unknown'));
    else if (result.ok) setMade(result.value);
    else setError(describeTeamFailure(t, result));
  };

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <form onSubmit={(e) => void onMake(e)} className="op-stack-tight" data-testid="team-invite">
      <h3 className="op-subtitle">{t('team.invite.title')}</h3>
      <p className="op-help">{t('team.invite.help')}</p>
      <div className="op-field">
        <label htmlFor="team-invite-code">{t('team.invite.code')}</label>
        <input
          id="team-invite-code"
          data-testid="team-invite-code"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      <div className="op-actions">
        <button type="submit" className="op-secondary" data-testid="team-invite-make">
          {t('team.invite.make')}
        </button>
      </div>
      {error ? (
        <p className="op-field-error" role="alert" data-testid="team-invite-error">
          {error}
        </p>
      ) : null}
      {made ? (
        <div className="op-field">
          <label htmlFor="team-invite-link">{t('team.invite.link')}</label>
          <input id="team-invite-link" data-testid="team-invite-link" type="text" readOnly value={made.link} onFocus={(e) => e.target.select()} />
          <span className="op-help">{t('team.invite.linkHelp')}</span>
          <div className="op-actions">
            <button type="button" className="op-secondary" data-testid="team-invite-copy" onClick={() => void copy(made.link)}>
              {copied ? t('team.invite.copied') : t('team.invite.copy')}
            </button>
          </div>
        </div>
      ) : null}
    </form>
  );
}

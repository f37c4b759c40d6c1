// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StatusControl } from '@/components/panel/StatusControl';
import { I18nProvider } from '@/components/ui/i18n';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { logAttempt, recordLeadSeen } from '@/lib/db/writes';
import type { LeadView } from '@/lib/domain/lead';
import { DEFAULT_STATUS_RULES } from '@/lib/domain/status-rules';
import type { Lang } from '@/lib/i18n';

const NOW = Date.parse('2026-12-01T09:00:00Z');
const follow = { statusRules: DEFAULT_STATUS_RULES, goLiveAt: Date.parse('2026-11-30T23:00:00Z') };
const actor = (minutes: number) => ({ repId: 'rep-1', now: NOW + minutes * 60_000 });

let db: LeadpaceDb;
beforeEach(() => {
  db = openLeadpaceDb('t-' + crypto.randomUUID());
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

const page = (statusRaw?: string, receivedAt = '2026-12-01T08:50:00Z') => ({
  crm: 'demo', leadId: 'L-1', url: 'http://leadpace-demo.localhost/leads/L-1', receivedAt, statusRaw, missing: [],
});

function show(view: LeadView, lang: Lang = 'en') {
  render(
    <I18nProvider lang={lang}>
      <StatusControl view={view} disabled={false} closeAfterAttempts={6} onChange={vi.fn()} />
    </I18nProvider>,
  );
}

describe('StatusControl: the CRM’s status and backlog', () => {
  it('a lead lost in the CRM after one attempt shows the CRM’s status, its note and closed too early', async () => {
    await recordLeadSeen(db, page(), actor(0), follow);
    await logAttempt(db, 'demo:L-1', { channel: 'call', outcome: 'no_answer' }, actor(1));
    show(await recordLeadSeen(db, page('Verloren'), actor(5), follow));
    expect((screen.getByTestId('lead-status') as HTMLSelectElement).value).toBe('lost');
    expect(screen.getByTestId('status-from-crm').textContent).toBe('set in the CRM');
    expect(screen.getByTestId('closed-too-early')).toBeTruthy();
  });

  it('a status set in the panel has no CRM note', async () => {
    show(await recordLeadSeen(db, page('Nieuw'), actor(0), follow));
    expect(screen.queryByTestId('status-from-crm')).toBeNull();
    expect(screen.queryByTestId('backlog-note')).toBeNull();
  });

  it('backlog says it is from before Leadpace, in Dutch too', async () => {
    show(await recordLeadSeen(db, page(undefined, '2026-11-27T10:00:00Z'), actor(0), follow), 'nl');
    expect(screen.getByTestId('backlog-note').textContent).toBe('van vóór Leadpace');
  });

  it('in Dutch the CRM note reads "gezet in het CRM"', async () => {
    show(await recordLeadSeen(db, page('Verkocht'), actor(0), follow), 'nl');
    expect((screen.getByTestId('lead-status') as HTMLSelectElement).value).toBe('sold');
    expect(screen.getByTestId('status-from-crm').textContent).toBe('gezet in het CRM');
  });
});

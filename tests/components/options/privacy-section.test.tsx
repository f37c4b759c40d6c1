// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PrivacySection, type PrivacyApi } from '@/components/options/PrivacySection';
import { I18nProvider } from '@/components/ui/i18n';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { recordLeadSeen, saveNote } from '@/lib/db/writes';
import type { Lang } from '@/lib/i18n';
import { collectExport, REDACTED } from '@/lib/privacy/export';
import { readRetentionDays, saveRetentionDays } from '@/lib/storage/retention-item';
import type { WipeResult } from '@/lib/privacy/wipe';

const NOW = Date.parse('2026-12-01T10:00:00Z');
let db: LeadpaceDb;

beforeEach(async () => {
  fakeBrowser.reset();
  db = openLeadpaceDb('t-' + crypto.randomUUID());
  await recordLeadSeen(
    db,
    { crm: 'demo', leadId: 'L-1', url: 'http://leadpace-demo.localhost/leads/L-1', name: 'Sanne de Vries', phone: '+31612345678', source: 'website', missing: [] },
    { repId: 'rep-1', now: NOW },
  );
  await saveNote(db, 'demo:L-1', 'Wants a "test drive"; call after 5', NOW + 1000);
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

const storage = { settings: { repName: 'Kim' }, teamConnection: { serverUrl: 'https://team.example', token: 'secret-token', me: { teamKey: 'k3y' } } };

function renderSection(lang: Lang = 'en', wipe: () => Promise<WipeResult> = () => Promise.resolve({ ok: false, reason: 'not in this test' })) {
  const files: { name: string; text: string }[] = [];
  const api: PrivacyApi = {
    readRetention: readRetentionDays,
    saveRetention: saveRetentionDays,
    collect: () => collectExport(db, () => Promise.resolve(storage), NOW),
    wipe: vi.fn(wipe),
    now: () => NOW,
  };
  render(
    <I18nProvider lang={lang}>
      <PrivacySection api={api} download={(name, text) => files.push({ name, text })} />
    </I18nProvider>,
  );
  return { user: userEvent.setup(), files, api };
}

describe('PrivacySection: retention period', () => {
  it('shows the default 180 days, saves a valid period and refuses one out of range', async () => {
    const { user } = renderSection();
    const input = await screen.findByLabelText('Keep customer details for (days)');
    expect((input as HTMLInputElement).value).toBe('180');
    await user.clear(input);
    await user.type(input, '20');
    await user.click(screen.getByRole('button', { name: 'Save period' }));
    expect(await screen.findByText('Enter a whole number of days from 30 to 3650.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(await readRetentionDays()).toBe(180);
    await user.clear(input);
    await user.type(input, '365');
    await user.click(screen.getByRole('button', { name: 'Save period' }));
    await screen.findByTestId('retention-saved');
    expect(await readRetentionDays()).toBe(365);
  });
});

describe('PrivacySection: export', () => {
  it('downloads everything as JSON with a schema version, the lead, its note, and no secrets', async () => {
    const { user, files } = renderSection();
    await user.click(await screen.findByRole('button', { name: 'Everything (JSON)' }));
    await screen.findByText('Downloaded leadpace-export-2026-12-01.json.');
    const file = files[0];
    expect(file?.name).toBe('leadpace-export-2026-12-01.json');
    const json: unknown = JSON.parse(file?.text ?? '');
    expect(json).toMatchObject({
      format: 'leadpace-export',
      schemaVersion: 1,
      exportedAt: '2026-12-01T10:00:00.000Z',
      database: { version: 4, tables: { leads: [{ key: 'demo:L-1', name: 'Sanne de Vries' }], notes: [{ leadKey: 'demo:L-1' }], events: [{ type: 'lead_seen' }] } },
      storage: { settings: { repName: 'Kim' }, teamConnection: { serverUrl: 'https://team.example', token: REDACTED, me: { teamKey: REDACTED } } },
    });
    expect(file?.text).not.toContain('secret-token');
    expect(file?.text).not.toContain('k3y');
  });

  it('downloads the leads as CSV (with the note) and the events as CSV, in Dutch with ;', async () => {
    const { user, files } = renderSection('nl');
    await user.click(await screen.findByRole('button', { name: 'Leads (CSV)' }));
    await user.click(screen.getByRole('button', { name: 'Gebeurtenissen (CSV)' }));
    await screen.findByText('leadpace-events-2026-12-01.csv gedownload.');
    expect(files.map((f) => f.name)).toEqual(['leadpace-leads-2026-12-01.csv', 'leadpace-events-2026-12-01.csv']);
    const leads = Papa.parse<Record<string, string>>((files[0]?.text ?? '').slice(1), { header: true, delimiter: ';', skipEmptyLines: true }).data;
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ key: 'demo:L-1', name: 'Sanne de Vries', phone: "'+31612345678", note: 'Wants a "test drive"; call after 5' });
    const events = Papa.parse<Record<string, string>>((files[1]?.text ?? '').slice(1), { header: true, delimiter: ';', skipEmptyLines: true }).data;
    expect(events.map((e) => e.type)).toEqual(['lead_seen']);
  });
});

describe('PrivacySection: wipe', () => {
  const report: WipeResult = { ok: true, value: { leads: 1, events: 1, notes: 1, storageItems: 4, crms: ['demo'], wasConnected: true } };

  it('deletes only after the shown word is typed, then says what went and what the team server keeps', async () => {
    const { user, api } = renderSection('en', () => Promise.resolve(report));
    await user.click(await screen.findByRole('button', { name: 'Wipe Leadpace…' }));
    const word = screen.getByLabelText('Type WIPE to confirm');
    await user.type(word, 'wipe');
    await user.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect(await screen.findByText('Type WIPE exactly to delete.')).toBeTruthy();
    expect(api.wipe).not.toHaveBeenCalled();
    await user.clear(word);
    await user.type(word, 'WIPE');
    await user.click(screen.getByRole('button', { name: 'Delete everything' }));
    const done = await screen.findByTestId('wipe-done');
    expect(api.wipe).toHaveBeenCalledTimes(1);
    expect(within(done).getByText('Deleted from this browser — leads: 1, events: 1, notes: 1, stored settings items: 4.')).toBeTruthy();
    expect(within(done).getByText('Leadpace was turned off on: demo.')).toBeTruthy();
    expect(done.textContent).toContain('The team server still has your pseudonymous events');
  });

  it('asks for WIS in Dutch, and cancel deletes nothing', async () => {
    const { user, api } = renderSection('nl', () => Promise.resolve(report));
    await user.click(await screen.findByRole('button', { name: 'Leadpace wissen…' }));
    await user.type(screen.getByLabelText('Typ WIS om te bevestigen'), 'WIPE');
    await user.click(screen.getByRole('button', { name: 'Alles verwijderen' }));
    expect(await screen.findByText('Typ precies WIS om te verwijderen.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByLabelText('Typ WIS om te bevestigen')).toBeNull();
    expect(api.wipe).not.toHaveBeenCalled();
  });

  it('a failed wipe says so and offers to try again', async () => {
    const { user } = renderSection('en', () => Promise.resolve({ ok: false, reason: 'database blocked' }));
    await user.click(await screen.findByRole('button', { name: 'Wipe Leadpace…' }));
    await user.type(screen.getByLabelText('Type WIPE to confirm'), 'WIPE');
    await user.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Could not wipe: database blocked.');
    expect(screen.getByRole('button', { name: 'Wipe Leadpace…' })).toBeTruthy();
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { expect, it } from 'vitest';
import { MAX_EVENTS_PER_PUSH, WIRE_EVENT_TYPES, type WireEvent } from '@/lib/sync/wire';
import { dumpEveryTable, onEveryEngine } from './engines';
import { attempt, ev, seen, status, voids } from './events';
import { authed, HOUR, json, NOW, push, seedTeam } from './harness';

// What a leak would look like: names, phone numbers, e-mail, an address, CRM record ids.
const CUSTOMER = [
  'Piet Jansen',
  'Jan de Vries-Bakker',
  '+31 6 1234 5678',
  '+31612345678',
  '(020) 555-0199',
  'piet.jansen@example.nl',
  'Kerkstraat 12, 3511 LX Utrecht',
  '00Q5g000001AbCdEAK',
  'LEAD-2026-000123',
  'Interesse in Golf 8 GTI, bellen na 17:00',
];

/** One valid event per wire type: every field of these gets a customer string in turn. */
const TEMPLATES: WireEvent[] = [
  seen('scan-lead', NOW - HOUR, NOW - 2 * HOUR),
  ev('scan-lead', NOW - HOUR, { type: 'attempt_logged', channel: 'call', outcome: 'reached', scriptId: 'default-website', scriptVersion: 1 }),
  voids('scan-lead', NOW - HOUR, uuidv7()),
  status('scan-lead', NOW - HOUR, 'lost', { closedTooEarly: false }),
  ev('scan-lead', NOW - HOUR, { type: 'source_changed', from: 'website', to: 'marktplaats' }),
];
const EXTRA_KEYS = ['name', 'phone', 'email', 'note', 'customer', 'crmId', 'leadId', 'vehicle'];

function poisoned(): unknown[] {
  const out: unknown[] = [];
  for (const template of TEMPLATES) {
    for (const key of [...Object.keys(template), ...EXTRA_KEYS]) {
      for (const value of CUSTOMER) {
        out.push({ ...template, id: uuidv7(), [key]: value });
        // Customer text as a key, and nested where a lax schema might let it through.
        out.push({ ...template, id: uuidv7(), [value]: 1 });
        out.push({ ...template, id: uuidv7(), [key]: { value } });
        out.push({ ...template, id: uuidv7(), [key]: [value] });
      }
    }
  }
  return out;
}

const needles = (text: string): string[] => {
  const lower = text.toLowerCase();
  // The whole string and its most telling parts, in any case: a lower-cased copy is a leak too.
  return [lower, ...lower.split(/[\s,]+/).filter((part) => part.length >= 6)];
};

onEveryEngine('no customer data in any table', (env) => {
  it('customer-looking strings in every field of every event type are refused and stored nowhere', async () => {
    const { db, app } = env();
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Rep Scan', role: 'rep' }] });
    const token = team.members.rep?.token ?? '';
    expect(new Set(TEMPLATES.map((t) => t.type))).toEqual(new Set(WIRE_EVENT_TYPES));

    // Valid events first, so the tables have rows a leak could hide in.
    const valid = [...TEMPLATES.map((t) => ({ ...t, id: uuidv7() })), attempt('scan-lead', NOW - HOUR + 1)];
    expect(await json(await push(app, token, valid))).toMatchObject({ accepted: valid.length, rejected: [] });

    const bad = poisoned();
    let rejected = 0;
    let accepted = 0;
    for (let i = 0; i < bad.length; i += MAX_EVENTS_PER_PUSH) {
      const res = await push(app, token, bad.slice(i, i + MAX_EVENTS_PER_PUSH));
      const body = await json<{ accepted: number; rejected: { reason: string }[] }>(res);
      accepted += body.accepted;
      rejected += body.rejected.length;
      for (const r of body.rejected) expect(r.reason.length).toBeLessThanOrEqual(200);
    }
    expect(accepted).toBe(0);
    expect(rejected).toBe(bad.length);
    // The envelope refuses customer data too.
    const envelope = await app.request('/v1/events', authed(token, { method: 'POST', body: JSON.stringify({ events: valid, customer: CUSTOMER[0] }) }));
    expect(envelope.status).toBe(400);

    const { tables, text } = await dumpEveryTable(db);
    expect(tables).toEqual(expect.arrayContaining(['events', 'members', 'teams', 'tokens']));
    expect(text).toContain(valid[0]?.id);
    const haystack = text.toLowerCase();
    for (const value of CUSTOMER) for (const needle of needles(value)) expect(haystack, `${needle} found in a table`).not.toContain(needle);

    // Not even in the file's free pages or the write-ahead log.
    const file = env.file();
    if (file) {
      const bytes = [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1').toLowerCase());
      expect(bytes.join('').length).toBeGreaterThan(0);
      for (const value of CUSTOMER) for (const needle of needles(value)) expect(bytes.some((b) => b.includes(needle)), `${needle} in the file`).toBe(false);
    }
  }, 60_000);

  it('an unknown key of 400 kB comes back capped, not echoed whole', async () => {
    const { db, app } = env();
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Rep Echo', role: 'rep' }] });
    const token = team.members.rep?.token ?? '';
    const huge = 'k'.repeat(400 * 1024);
    const res = await push(app, token, [{ ...seen('echo', NOW - HOUR), [huge]: 1 }]);
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text.length).toBeLessThan(1000);
    expect(text).toMatch(/unknown_field/);

    const envelope = await app.request('/v1/events', authed(token, { method: 'POST', body: JSON.stringify({ events: [], [huge]: 1 }) }));
    expect(envelope.status).toBe(400);
    expect((await envelope.text()).length).toBeLessThan(1000);
  });
});

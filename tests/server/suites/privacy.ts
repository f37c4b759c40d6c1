import { expect, it } from 'vitest';
import { seededRandom } from '@/server/testing/random';
import { simulateRep } from '@/server/testing/simulated-rep';
import { dumpAllTables, HOUR, json, NOW, push, seedTeam, type EnvRef } from '@/tests/server/harness';

export function privacySuite(env: EnvRef) {
  it('no stored row contains a customer name, phone, e-mail or raw lead id seen in the client', async () => {
    const { db, app } = env();
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Rep Privacy', role: 'rep' }] });
    const token = team.members.rep?.token ?? '';
    const history = simulateRep({ repId: 'privacy', teamKey: team.teamKey, random: seededRandom(7), targetEvents: 300, from: NOW - 72 * HOUR, until: NOW - 12 * HOUR });
    const accepted = await push(app, token, history.wire);
    expect(await json(accepted)).toMatchObject({ accepted: history.wire.length, rejected: [] });

    // A buggy client leaking customer data in every way the format allows it to try.
    const c = history.leads[0]?.customer ?? { name: '', phone: '', email: '' };
    const template = history.wire[0];
    if (!template) throw new Error('no events');
    const leaks = [
      { ...template, id: crypto.randomUUID(), name: c.name },
      { ...template, id: crypto.randomUUID(), notes: `${c.phone} ${c.email}` },
      { ...template, id: crypto.randomUUID(), type: 'lead_seen', source: c.email, receivedAt: null },
      { ...template, id: crypto.randomUUID(), lead: c.phone },
      { ...template, id: crypto.randomUUID(), lead: history.leads[0]?.leadKey },
    ];
    const refused = await push(app, token, leaks);
    expect(await json(refused)).toMatchObject({ accepted: 0, duplicates: 0 });

    const dump = await dumpAllTables(db);
    expect(dump).toContain(history.wire[0]?.lead);
    for (const lead of history.leads) {
      for (const value of [lead.customer.name, lead.customer.phone, lead.customer.email, lead.leadKey]) {
        expect(dump).not.toContain(value);
      }
    }
    expect(dump).not.toContain('Jansen-de Vries');
    expect(dump).not.toContain('@example.nl');
    expect(dump).not.toContain('demo:privacy');
  });
}

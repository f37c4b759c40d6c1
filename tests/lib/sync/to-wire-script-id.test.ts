import { describe, expect, it } from 'vitest';
import { leadEventSchema } from '@/lib/domain/events';
import { DEFAULT_LIBRARY } from '@/lib/domain/scripts-library';
import { newScriptId } from '@/lib/storage/scripts-item';
import { toWireEvent, wireScriptId } from '@/lib/sync/to-wire';
import { WIRE_SLUG } from '@/lib/sync/wire';

const HASH = 'b'.repeat(64);
const attempt = (scriptId: string) =>
  leadEventSchema.parse({
    id: '0199a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b',
    v: 1,
    leadKey: 'demo:L-1',
    at: 1773824400000,
    repId: 'r',
    type: 'attempt_logged',
    channel: 'call',
    outcome: 'reached',
    scriptId,
    scriptVersion: 2,
  });

describe('script ids on the wire are slugs', () => {
  it('sends every default script id and every id the app makes unchanged', () => {
    const ids = [...DEFAULT_LIBRARY.map((s) => s.id), newScriptId(), newScriptId()];
    for (const id of ids) {
      expect(id).toMatch(WIRE_SLUG);
      expect(toWireEvent(attempt(id), HASH)).toMatchObject({ scriptId: id, scriptVersion: 2 });
    }
  });

  it.each([
    ['an underscore', 'welcome_call'],
    ['80 characters', `a${'b'.repeat(79)}`],
    ['a name and phone number in it', 'Piet Jansen 06-12345678'],
  ])('maps an imported id with %s to a stable slug', (_label, id) => {
    const wire = toWireEvent(attempt(id), HASH);
    expect(wire).toMatchObject({ scriptId: wireScriptId(id), scriptVersion: 2 });
    expect(wireScriptId(id)).toMatch(/^script-[0-9a-f]{16}$/);
    expect(wireScriptId(id)).toBe(wireScriptId(id));
    expect(wireScriptId(id)).not.toBe(wireScriptId(`${id}x`));
    expect(JSON.stringify(wire)).not.toContain(id);
  });
});

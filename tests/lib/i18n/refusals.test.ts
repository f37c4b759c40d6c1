import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n';
import { refusalKey } from '@/lib/i18n/refusals';

describe('refusalKey: a server refusal worded for people', () => {
  it.each([
    ['in_future: at is more than 24 h ahead of server time', 'refused.in_future'],
    ['too_old: at is older than the retention window', 'refused.too_old'],
    ['unknown_field: name not allowed', 'refused.unknown_field'],
    ['invalid_field: scriptId: must be a slug', 'refused.invalid_field'],
    ['lead_event_limit: a lead takes at most 1000 events per rep', 'refused.lead_event_limit'],
    ['duplicate_id: another event in this batch has this id', 'refused.duplicate_id'],
    ['something new: from a newer server', 'refused.other'],
    ['', 'refused.other'],
    [undefined, 'refused.other'],
  ] as const)('%s → %s', (reason, key) => {
    expect(refusalKey(reason)).toBe(key);
  });

  it('is Dutch in Dutch', () => {
    expect(translator('nl')(refusalKey('in_future: x'))).toContain('klok van deze computer');
  });
});

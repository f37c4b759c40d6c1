import { isMessageKey, translator } from '@/lib/i18n';

// lib/i18n itself loads no table: each comes with the modules that show its keys, and a lazily
// loaded chunk may bring one after a translator was made.
describe('message registry', () => {
  it('a table counts from the moment its module loads, also for a translator made before', async () => {
    const t = translator('nl');
    expect(isMessageKey('scripts.objections')).toBe(false);
    // Never what a user should see: tests/lib/i18n/surface-coverage.test.ts keeps it from happening.
    expect(t('scripts.objections')).toBe('scripts.objections');

    await import('@/lib/i18n/messages/scripts');

    expect(isMessageKey('scripts.objections')).toBe(true);
    expect(t('scripts.objections')).toBe('Bezwaren');
    expect(translator('en')('scripts.attempt', { n: 2 })).toBe('Attempt 2');
  });

  it('keeps the languages apart and knows no inherited names', async () => {
    await import('@/lib/i18n/messages/scripts');
    expect(translator('en')('scripts.objections')).toBe('Objections');
    expect(isMessageKey('toString')).toBe(false);
    expect(isMessageKey('__proto__')).toBe(false);
  });
});

// @vitest-environment jsdom
import { pipedriveAdapter } from '@/lib/crms/pipedrive/adapter';

const page = (html: string) => new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');

describe('pipedrive', () => {
  it('does not take a date without a time as the received time', () => {
    const doc = page('<div class="viewContainer"><div class="detailView"><h1>Jo</h1><p><span>Deal created</span><span>Nov 25, 2026</span></p></div></div>');
    const snapshot = pipedriveAdapter.extract(doc, new URL('https://acme.pipedrive.com/deal/5'));
    expect(snapshot?.receivedAt).toBeUndefined();
    expect(snapshot?.missing).toContain('receivedAt');
  });

  it('lower-cases lead uuids so the same lead keeps one key', () => {
    const doc = page('');
    expect(pipedriveAdapter.leadId(new URL('https://acme.pipedrive.com/leads/inbox/3F1C2A90-8D4B-11EF-9A1E-2B7C5D4E6F10'), doc)).toBe(
      'lead:3f1c2a90-8d4b-11ef-9a1e-2b7c5d4e6f10',
    );
  });
});

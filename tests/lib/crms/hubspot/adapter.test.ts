// @vitest-environment jsdom
import { hubspotAdapter, parseHubspotDate } from '@/lib/crms/hubspot/adapter';

const page = (html: string) => new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
const NOW = new Date('2026-11-26T13:41:00Z');

describe('hubspot', () => {
  it.each([
    ['11/26/2026 7:05 AM CST', '2026-11-26T13:05:00.000Z'],
    ['Nov 26, 2026 8:05 AM EST', '2026-11-26T13:05:00.000Z'],
    ['26 nov. 2026 14:05 CET', '2026-11-26T13:05:00.000Z'],
    ['11/26/2026 1:05 PM GMT', '2026-11-26T13:05:00.000Z'],
    ['26-11-2026 14:05', '2026-11-26T13:05:00.000Z'],
  ])('reads %s in the zone it names', (text, iso) => {
    expect(parseHubspotDate(text, NOW)?.toISOString()).toBe(iso);
  });

  it('keeps contacts and deals with the same number apart', () => {
    const doc = page('');
    const contact = hubspotAdapter.leadId(new URL('https://app.hubspot.com/contacts/1/record/0-1/77'), doc);
    const deal = hubspotAdapter.leadId(new URL('https://app.hubspot.com/contacts/1/record/0-3/77'), doc);
    expect(contact).toBe('contact:77');
    expect(deal).toBe('deal:77');
  });

  it('ignores the Record ID of a previewed associated record', () => {
    const doc = page(
      '<div role="dialog"><div data-selenium-test="property-input-hs_object_id"><label>Record ID</label><span>999</span></div></div>',
    );
    expect(hubspotAdapter.leadId(new URL('https://app.hubspot.com/contacts/1/record/0-1/77'), doc)).toBe('contact:77');
  });
});

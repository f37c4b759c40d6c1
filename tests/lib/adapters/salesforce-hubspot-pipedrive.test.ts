// @vitest-environment jsdom
import { hubspotAdapter, parseHubspotDate } from '@/lib/crms/hubspot/adapter';
import { pipedriveAdapter } from '@/lib/crms/pipedrive/adapter';
import { salesforceAdapter, salesforceId18 } from '@/lib/crms/salesforce/adapter';

const page = (html: string) => new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
const NOW = new Date('2026-11-26T13:41:00Z');

describe('salesforce', () => {
  it('turns 15-char ids into their 18-char form, so both links give one lead', () => {
    expect(salesforceId18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
    const doc = page('');
    const short = salesforceAdapter.leadId(new URL('https://x.lightning.force.com/lightning/r/Lead/00Q5j00000RkT3d/view'), doc);
    const long = salesforceAdapter.leadId(new URL('https://x.lightning.force.com/lightning/r/Lead/00Q5j00000RkT3dEAF/view'), doc);
    expect(short).toBe(long);
  });

  it('accepts the object-less short form only for lead, contact and opportunity ids', () => {
    expect(salesforceAdapter.isLeadPage(new URL('https://x.lightning.force.com/lightning/r/0065j00000XyZ12AAB/view'))).toBe(true);
    expect(salesforceAdapter.isLeadPage(new URL('https://x.lightning.force.com/lightning/r/0015j00000QwErTAAV/view'))).toBe(false);
  });

  it('reads nothing from cached pages while the new record has not rendered', () => {
    const doc = page(
      '<div class="oneContent"><records-record-layout-item data-target-selection-name="sfdc:RecordField.Lead.Phone"><a href="tel:111">111</a></records-record-layout-item></div>',
    );
    const snapshot = salesforceAdapter.extract(doc, new URL('https://x.lightning.force.com/lightning/r/Lead/00Q5j00000RkT3dEAF/view'));
    expect(snapshot?.leadId).toBe('00Q5j00000RkT3dEAF');
    expect(snapshot?.phone).toBeUndefined();
    expect(snapshot?.missing).toContain('phone');
  });
});

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

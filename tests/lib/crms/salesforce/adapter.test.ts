// @vitest-environment jsdom
import { salesforceAdapter, salesforceId18 } from '@/lib/crms/salesforce/adapter';

const page = (html: string) => new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');

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

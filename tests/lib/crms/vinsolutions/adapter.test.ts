// @vitest-environment jsdom
import { vinsolutionsAdapter } from '@/lib/crms/vinsolutions/adapter';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

describe('VinSolutions anchor', () => {
  it.each([
    ['an ASP.NET-prefixed lead id field', '<input type="hidden" name="ctl00$ContentPlaceHolder1$ucLeadView$AutoLeadID" id="hfLead" value="2091177340">'],
    ['an ASP.NET-prefixed customer id field', '<input type="hidden" name="ctl00$Main$GlobalCustomerID" value="1461002288">'],
    ['a prefixed id attribute', '<input type="hidden" id="ContentPlaceHolder1_hdnAutoLeadID" value="2070428771">'],
    ['the plain name', '<input type="hidden" name="AutoLeadID" value="2081553302">'],
  ])('waits for %s, the field leadId() reads', (_label, html) => {
    const doc = parse(`<form>${html}</form>`);
    expect(doc.querySelector(vinsolutionsAdapter.anchor)).not.toBeNull();
    expect(vinsolutionsAdapter.leadId(new URL('https://vinsolutions.app.coxautoinc.com/CarDashboard/Pages/CRM/CustomerDashboard.aspx'), doc)).toMatch(/^(?:gcid-)?\d+$/);
  });

  it('does not wait for a visible field that only mentions the id', () => {
    expect(parse('<input type="text" name="SearchAutoLeadID" value="">').querySelector(vinsolutionsAdapter.anchor)).toBeNull();
  });
});

describe('VinSolutions lead id', () => {
  const frame = 'https://vinsolutions.app.coxautoinc.com/CarDashboard/Pages/CRM/CustomerDashboard.aspx';

  it('prefers the page over a stale frame URL', () => {
    const doc = parse('<div class="vindebug-section" data-autoleadid="222" data-globalcustomerid="9"></div>');
    expect(vinsolutionsAdapter.leadId(new URL(`${frame}?AutoLeadID=111`), doc)).toBe('222');
  });

  it('falls back to the customer id, kept apart from lead ids', () => {
    const doc = parse('<input type="hidden" id="GlobalCustomerID" value="1450021877">');
    expect(vinsolutionsAdapter.leadId(new URL(frame), doc)).toBe('gcid-1450021877');
  });

  it('ignores zero and non-numeric ids', () => {
    const doc = parse('<div class="vindebug-section" data-autoleadid="0"></div><input type="hidden" id="AutoLeadID" value="abc">');
    expect(vinsolutionsAdapter.leadId(new URL(`${frame}?AutoLeadID=0`), doc)).toBeNull();
  });

  it('never treats the /vinconnect/ shell as a lead page, whatever its hash says', () => {
    const shell = 'https://vinsolutions.app.coxautoinc.com/vinconnect/#/CarDashboard/Pages/CRM/CustomerDashboard.aspx?AutoLeadID=1';
    expect(vinsolutionsAdapter.isLeadPage(new URL(shell))).toBe(false);
  });
});

// @vitest-environment jsdom
import { drivecentricAdapter } from '@/lib/crms/drivecentric/adapter';
import { eleadAdapter } from '@/lib/crms/elead/adapter';
import { vinsolutionsAdapter } from '@/lib/crms/vinsolutions/adapter';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

describe('eLead isLeadPage', () => {
  it.each([
    ['https://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track/NewProspects/OpptyDetails.aspx?lPID=abc&lDID=1', false],
    ['https://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track/NewProspects/OpptyDetails.aspx?lPID=&lDID=1', false],
    ['https://eleadcrm.com.evil.example/evo2/fresh/elead-v45/elead_track/NewProspects/OpptyDetails.aspx?lPID=1', false],
    ['http://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track/NewProspects/OpptyDetails.aspx?lPID=1', false],
    ['https://www.eleadcrm.com/evo2/fresh/elead-v46/elead_track/NewProspects/OpptyDetails.aspx?LPID=77&LDID=78', true],
    // The opportunity is the lead: the person alone is not one, the opportunity alone is.
    ['https://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track/NewProspects/OpptyDetails.aspx?lPID=77', false],
    ['https://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track/NewProspects/OpptyDetails.aspx?lDID=78', true],
    ['https://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track/NewProspects/OpptyDetails.aspx?lPID=77&lDID=x', false],
  ])('%s → %s', (href, expected) => {
    expect(eleadAdapter.isLeadPage(new URL(href))).toBe(expected);
  });
});

describe('eLead lead id', () => {
  const oppty = 'https://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track/NewProspects/OpptyDetails.aspx';
  const empty = parse('<div id="pnlCustomerInformation"></div>');

  it('is the opportunity, so a returning customer’s new lead gets its own clock', () => {
    const first = eleadAdapter.leadId(new URL(`${oppty}?lPID=24499393&lDID=23724428`), empty);
    const second = eleadAdapter.leadId(new URL(`${oppty}?lPID=24499393&lDID=24102233`), empty);
    expect(first).toBe('23724428');
    expect(second).toBe('24102233');
  });

  it('reads the parameter in any case and ignores the person', () => {
    expect(eleadAdapter.leadId(new URL(`${oppty}?ldid=77&LPID=5`), empty)).toBe('77');
    expect(eleadAdapter.leadId(new URL(`${oppty}?lPID=5`), empty)).toBeNull();
  });
});

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

describe('DriveCentric lead id comes from the card', () => {
  const url = new URL('https://app.drivecentric.com/#/salesHome?dealId=999999');
  const card = (inner: string, style = '') =>
    `<div data-test="customerCard-parent-div" style="${style}"><div class="deal-card"><div class="deal-customer"><span class="cust-name">X</span></div></div>${inner}</div>`;

  it('is null without an open card, whatever the URL says', () => {
    expect(drivecentricAdapter.leadId(url, parse('<main><span class="cust-name">Y</span></main>'))).toBeNull();
    expect(drivecentricAdapter.extract(parse(card('<a href="tel:+13035550101">x</a>', 'display:none')), url)).toBeNull();
  });

  it('follows the card when another customer is opened', () => {
    const first = parse(card('<a href="#/c?dealId=1001">d</a>'));
    const second = parse(card('<a href="#/c?dealId=1001">d</a>', 'display: none') + card('<a href="#/c?dealId=2002">d</a>'));
    expect(drivecentricAdapter.leadId(url, first)).toBe('1001');
    expect(drivecentricAdapter.leadId(url, second)).toBe('2002');
  });

  it('keys on phone, then e-mail, never on the name alone', () => {
    expect(drivecentricAdapter.leadId(url, parse(card('<a href="tel:+1 (720) 555-0148">c</a>')))).toBe('tel-7205550148');
    expect(drivecentricAdapter.leadId(url, parse(card('<div class="cnv-cnt-crd-blck">Ann@Example.com</div>')))).toBe('mail-ann@example.com');
    expect(drivecentricAdapter.leadId(url, parse(card('')))).toBeNull();
  });
});

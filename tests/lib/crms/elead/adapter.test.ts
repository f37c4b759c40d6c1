// @vitest-environment jsdom
import { eleadAdapter } from '@/lib/crms/elead/adapter';

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

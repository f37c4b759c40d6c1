import type { CrmTestUrls } from '../define';

export const ELEAD_TEST_URLS: CrmTestUrls = {
  lead: [
    'https://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track/NewProspects/OpptyDetails.aspx?lPID=24499393&lDID=23724428&loc=DeskLogDLL&R=NO&LICID=',
    'https://group1.eleadcrm.com/evo2/fresh/eLead-V45/elead_track/NewProspects/OpptyDetails.aspx?lPID=31877402&lDID=30125511',
    'https://wd.eleadcrm.com/evo2/fresh/elead-v45/elead_track/newprospects/opptydetails.aspx?lDID=18820011&lpid=19004452&R=NO',
    'https://www.forddirectcrm.com/evo2/fresh/elead-v45/elead_track/NewProspects/OpptyDetails.aspx?lPID=5540021&lDID=5310988&loc=DeskLogDLL',
    'https://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track/NewProspects/OpptyDetails.aspx?lDID=23724428',
  ],
  other: [
    'https://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track/index.aspx',
    'https://www.eleadcrm.com/evo2/fresh/login.asp',
    'https://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track/NewProspects/history.aspx?lPID=24499393&lDID=23724428',
    'https://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track/newprospects/SoldHistory.asp?LICID=1234&ID=24499393',
    // The person without an opportunity is not a lead.
    'https://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track/NewProspects/OpptyDetails.aspx?lPID=24499393',
    'https://www.forddirectcrm.com/evo2/fresh/elead-v45/elead_track/reports/customReport.aspx',
  ],
};

import type { CrmTestUrls } from '../define';

export const HUBSPOT_TEST_URLS: CrmTestUrls = {
  lead: [
    'https://app.hubspot.com/contacts/21897645/record/0-1/51234',
    'https://app.hubspot.com/contacts/21897645/record/0-3/18493027561',
    'https://app-eu1.hubspot.com/contacts/143987220/record/0-1/98765401/view/1',
    'https://app-na2.hubspot.com/contacts/243381751/record/0-1/451/',
    'https://app.hubspot.com/contacts/21897645/contact/51234',
    'https://app.hubspot.com/contacts/21897645/deal/18493027561/',
  ],
  other: [
    'https://app.hubspot.com/contacts/21897645/objects/0-1/views/all/list',
    'https://app.hubspot.com/contacts/21897645/record/0-2/9123',
    'https://app-eu1.hubspot.com/contacts/143987220/objects/0-3/views/all/board',
    'https://app.hubspot.com/reports-dashboard/21897645/view/8812',
    'https://app.hubspot.com/contacts/21897645/contacts/list/view/all/',
    'https://app.hubspot.com/live-messages/21897645/inbox/501',
  ],
};

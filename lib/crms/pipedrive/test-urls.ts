import type { CrmTestUrls } from '../define';

export const PIPEDRIVE_TEST_URLS: CrmTestUrls = {
  lead: [
    'https://lonestarmotors.pipedrive.com/person/1843',
    'https://lonestarmotors.pipedrive.com/deal/2291',
    'https://autobedrijf-jansen.pipedrive.com/deal/77/activity',
    'https://lonestarmotors.pipedrive.com/leads/inbox/3f1c2a90-8d4b-11ef-9a1e-2b7c5d4e6f10',
    'https://app.pipedrive.com/person/52',
  ],
  other: [
    'https://lonestarmotors.pipedrive.com/leads/inbox',
    'https://lonestarmotors.pipedrive.com/pipeline/1/user/everyone',
    'https://lonestarmotors.pipedrive.com/persons/list/user/everyone',
    'https://lonestarmotors.pipedrive.com/organization/311',
    'https://lonestarmotors.pipedrive.com/activities/list',
    'https://lonestarmotors.pipedrive.com/leads/inbox/not-a-uuid',
    'https://www.pipedrive.com/person/1843',
  ],
};

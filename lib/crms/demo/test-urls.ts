import type { CrmTestUrls } from '../define';

export const DEMO_TEST_URLS: CrmTestUrls = {
  lead: [
    'http://leadpace-demo.localhost:5173/leads/L-1042',
    'http://leadpace-demo.localhost/leads/L-1043',
    'http://leadpace-demo.localhost:5190/leads/L-1047?hostile=1',
    'http://leadpace-demo.localhost:5173/leads/L-1050/?delay=800#notes',
  ],
  other: [
    'http://leadpace-demo.localhost:5173/',
    'http://leadpace-demo.localhost:5173/leads',
    'http://leadpace-demo.localhost/leads/?hostile=1',
    'http://leadpace-demo.localhost:5173/api/leads/L-1042',
    'http://leadpace-demo.localhost:5173/voorraad',
  ],
};

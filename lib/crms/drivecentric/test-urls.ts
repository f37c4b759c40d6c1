import type { CrmTestUrls } from '../define';

export const DRIVECENTRIC_TEST_URLS: CrmTestUrls = {
  lead: [
    'https://app.drivecentric.com/#/salesHome',
    'https://staging1.drivecentric.com/#/salesHome',
    'https://lithiamotors.drivecentric.com/#/deskLog?store=1042',
    'https://app.drivecentric.com/',
    'https://app.drivecentric.com/#/inbox/unread',
  ],
  other: [
    'https://www.drivecentric.com/',
    'https://drivecentric.com/pricing',
    'https://app.drivecentric.com/login.aspx',
    'https://app.drivecentric.com/Login.aspx?ReturnUrl=%2f',
    'https://help.drivecentric.com/hc/en-us',
    'https://app.drivecentric.com/#/login',
    'https://app.drivecentric.com/assets/main.js',
  ],
};

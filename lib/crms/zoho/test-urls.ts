import type { CrmTestUrls } from '../define';

export const ZOHO_TEST_URLS: CrmTestUrls = {
  lead: [
    'https://crm.zoho.com/crm/org746753262/tab/Leads/5293322000003516055',
    'https://crm.zoho.eu/crm/org20071234567/tab/Leads/412755000001873001?sub_module=',
    'https://crm.zoho.in/crm/org60043078423/tab/Contacts/1011223000000456789',
    'https://crm.zoho.com.au/crm/org7001234567/tab/Potentials/98765000000112233/',
    'https://crm.zoho.com/crm/tab/Leads/2345678000000123457',
    'https://crm.zoho.eu/crm/EntityInfo.do?module=Leads&id=412755000001873001',
    'https://crm.zohocloud.ca/crm/org110000123/tab/Leads/6000000123456789012',
  ],
  other: [
    'https://crm.zoho.com/crm/org746753262/tab/Leads/custom-view/5293322000000087501/list',
    'https://crm.zoho.eu/crm/org20071234567/tab/Leads/create',
    'https://crm.zoho.com/crm/org746753262/tab/Leads/5293322000003516055/edit',
    'https://crm.zoho.com/crm/org746753262/tab/Accounts/5293322000003516099',
    'https://crm.zoho.com/crm/org746753262/tab/Home/begin',
    'https://crm.zoho.eu/crm/org20071234567/settings/modules/Leads/layouts/6689918000000091055',
    'https://crm.zoho.eu/crm/EntityInfo.do?module=Accounts&id=412755000001873001',
  ],
};

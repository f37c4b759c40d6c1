import type { CrmTestUrls } from '../define';

export const SALESFORCE_TEST_URLS: CrmTestUrls = {
  lead: [
    'https://vandermeerauto.lightning.force.com/lightning/r/Lead/00Q5j00000RkT3dEAF/view',
    'https://acme-motors.lightning.force.com/lightning/r/Contact/0035j00001AbCdEAAV/view',
    'https://acme-motors.lightning.force.com/lightning/r/Opportunity/0065j00000XyZ12AAB/view?ws=%2Flightning%2Fr%2FAccount%2F0015j00000QwErTAAV%2Fview',
    'https://acme-motors--uat.sandbox.lightning.force.com/lightning/r/Lead/00Q5j00000RkT3d/view',
    'https://vandermeerauto.lightning.force.com/lightning/r/00Q5j00000RkT3dEAF/view',
  ],
  other: [
    'https://vandermeerauto.lightning.force.com/lightning/o/Lead/list?filterName=Recent',
    'https://vandermeerauto.lightning.force.com/lightning/o/Lead/home',
    'https://vandermeerauto.lightning.force.com/lightning/page/home',
    'https://vandermeerauto.lightning.force.com/lightning/r/Account/0015j00000QwErTAAV/view',
    'https://vandermeerauto.lightning.force.com/lightning/r/Lead/00Q5j00000RkT3dEAF/related/Histories/view',
    'https://vandermeerauto.lightning.force.com/lightning/r/0015j00000QwErTAAV/view',
    'https://vandermeerauto.lightning.force.com/lightning/setup/SetupOneHome/home',
  ],
};

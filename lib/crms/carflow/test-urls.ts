import type { CrmTestUrls } from '../define';

export const CARFLOW_TEST_URLS: CrmTestUrls = {
  lead: [
    'https://app.carflowmanager.com/nl/leads/184523',
    'https://app.carflowmanager.com/fr/leads/detail/184977',
    'https://garage-peeters.carflow.be/leads/20931/',
    'https://autobedrijf-jansen.carflow.nl/nl/opportuniteiten/77120',
    'https://app.carflowmanager.com/Lead/Detail/184523?tab=activiteiten',
    'https://app.carflowmanager.com/de/leads/186310',
  ],
  other: [
    'https://app.carflowmanager.com/nl/leads',
    'https://app.carflowmanager.com/nl/leads/nieuw',
    'https://app.carflowmanager.com/nl/stock/55120',
    'https://app.carflowmanager.com/fr/dashboard',
    'https://app.carflowmanager.com/de/leads',
    'https://support.carflowmanager.com/nl/support/solutions/articles/44001856450-info-leadpagina',
    'https://garage-peeters.carflow.be/inzichten',
  ],
};

import { defineRoute } from '../define';

// ASSUMPTION: Carflow Manager's application host is not documented publicly. carflowmanager.com
// is its real domain (support.carflowmanager.com, media.carflowmanager.com); the regional
// carflow.be / carflow.nl hosts are guesses. Verify with a customer before release.
export const CARFLOW_MATCHES = [
  'https://*.carflowmanager.com/*',
  'https://*.carflow.be/*',
  'https://*.carflow.nl/*',
];

// ASSUMPTION: a lead (NL "opportuniteit", FR "opportunité") has its own URL ending in its
// numeric id, optionally behind a language segment (the UI's nl/fr, and en/de for tenants in
// other languages) and a "detail" step.
export const CARFLOW_LEAD_PATH =
  /^\/(?:(?:nl|fr|en|de)\/)?(?:leads?|opportunit(?:y|ies|eit|eiten|e|es))\/(?:(?:detail|details|view)\/)?(\d{1,12})\/?$/i;

export const CARFLOW_ROUTE = defineRoute({
  id: 'carflow',
  name: 'Carflow Manager',
  matches: CARFLOW_MATCHES,
  allFrames: false,
  isLeadUrl(url) {
    return !/^support\./i.test(url.hostname) && CARFLOW_LEAD_PATH.test(url.pathname);
  },
});

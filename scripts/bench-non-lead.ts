/**
 * Only the "non-lead CRM page" section of `npm run bench`, for working on the detector without
 * the other sections: `npx tsx scripts/bench-non-lead.ts`. Uses the e2e build in
 * LEADPACE_EXTENSION_DIR (default .output/chrome-mv3-e2e); build it first with
 * `node scripts/build-e2e.mjs`.
 */
import { launchWithExtension, removeProfile, startCrm } from './lib/extension-browser';
import { benchNonLeadPage } from './bench/non-lead';
import { formatTable } from './bench/stats';

const crm = await startCrm();
const browser = await launchWithExtension(undefined, { headless: true });
try {
  console.log(formatTable(await benchNonLeadPage(browser, crm.url)));
} finally {
  await browser.close();
  await crm.close();
  removeProfile(browser.profileDir);
}

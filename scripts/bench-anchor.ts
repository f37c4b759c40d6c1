/**
 * Only the "lead anchor → panel painted" section of `npm run bench`, for working on the panel's
 * start-up without the other sections' four minutes: `npx tsx scripts/bench-anchor.ts`.
 * Uses the e2e build in LEADPACE_EXTENSION_DIR (default .output/chrome-mv3-e2e); build it first
 * with `node scripts/build-e2e.mjs`. --headed shows the browser (timings are for headless).
 */
import { launchWithExtension, removeProfile, startCrm } from './lib/extension-browser';
import { benchAnchorToPanel } from './bench/anchor-panel';
import { formatTable } from './bench/stats';

const headed = process.argv.includes('--headed');
const crm = await startCrm();
const browser = await launchWithExtension(undefined, { headless: !headed });
try {
  console.log(formatTable(await benchAnchorToPanel(browser, crm.url)));
} finally {
  await browser.close();
  await crm.close();
  removeProfile(browser.profileDir);
}

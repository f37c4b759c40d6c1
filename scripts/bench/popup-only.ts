/**
 * Only the popup section of `npm run bench`, on an existing e2e build (LEADPACE_EXTENSION_DIR,
 * default .output/chrome-mv3-e2e): `npx tsx scripts/bench/popup-only.ts`.
 */
import { launchWithExtension, removeProfile } from '../lib/extension-browser';
import { allFigures } from './figures';
import { benchPopup } from './popup';

const browser = await launchWithExtension(undefined, { headless: true });
try {
  await benchPopup(browser);
} finally {
  await browser.close();
  removeProfile(browser.profileDir);
}
for (const f of allFigures()) console.log(`${f.name} = ${f.value ?? 'n/a'} ${f.unit}${f.met === undefined ? '' : f.met ? ' (met)' : ' (NOT met)'}`);

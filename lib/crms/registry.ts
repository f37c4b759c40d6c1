import { matchesAny } from '../adapters/match-pattern';
import type { CrmAdapter } from '../adapters/types';
// One line per CRM folder (lib/crms/<id>/adapter.ts), in the order of ./routes.ts.
import { carflowAdapter } from './carflow/adapter';
import { demoAdapter } from './demo/adapter';
import { drivecentricAdapter } from './drivecentric/adapter';
import { dynamicsAdapter } from './dynamics/adapter';
import { eleadAdapter } from './elead/adapter';
import { hubspotAdapter } from './hubspot/adapter';
import { pipedriveAdapter } from './pipedrive/adapter';
import { salesforceAdapter } from './salesforce/adapter';
import { vinsolutionsAdapter } from './vinsolutions/adapter';
import { zohoAdapter } from './zoho/adapter';

/** Every built-in CRM adapter (the panel bundle's; the detector never loads this). */
export const ADAPTERS: readonly CrmAdapter[] = [
  demoAdapter,
  pipedriveAdapter,
  hubspotAdapter,
  salesforceAdapter,
  zohoAdapter,
  dynamicsAdapter,
  carflowAdapter,
  eleadAdapter,
  vinsolutionsAdapter,
  drivecentricAdapter,
];

/** The adapter whose match patterns cover `url` (what the content script runs on). */
export function adapterForUrl(url: URL, adapters: readonly CrmAdapter[] = ADAPTERS): CrmAdapter | undefined {
  return adapters.find((adapter) => matchesAny(adapter.matches, url));
}

export function adapterById(id: string, adapters: readonly CrmAdapter[] = ADAPTERS): CrmAdapter | undefined {
  return adapters.find((adapter) => adapter.id === id);
}

import { demoAdapter } from './demo';
// Adapter imports: one line per adapter.
import { pipedriveAdapter } from './pipedrive';
import { hubspotAdapter } from './hubspot';
import { salesforceAdapter } from './salesforce';
import { zohoAdapter } from './zoho';
import { dynamicsAdapter } from './dynamics';
import { carflowAdapter } from './carflow';
import { drivecentricAdapter } from './drivecentric';
import { eleadAdapter } from './elead';
import { vinsolutionsAdapter } from './vinsolutions';
import { matchesAny } from './match-pattern';
import type { CrmAdapter } from './types';

/** Every built-in CRM adapter. Order matters only if two ever claimed the same origin. */
export const ADAPTERS: readonly CrmAdapter[] = [
  demoAdapter,
  // Built-in CRM adapters: one line per adapter.
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

import type { CrmTestUrls } from '@/lib/crms/define';

// Every CRM folder's example URLs, found by file name so a new folder needs no line here;
// tests/conventions/crm-folders.test.ts fails when a folder has none.
const modules = import.meta.glob<Record<string, CrmTestUrls>>('@/lib/crms/*/test-urls.ts', { eager: true });

function crmIdOf(path: string): string {
  const id = /\/crms\/([^/]+)\/test-urls\.ts$/.exec(path)?.[1];
  if (!id) throw new Error(`unexpected test-urls path ${path}`);
  return id;
}

export const CRM_TEST_URLS: ReadonlyMap<string, CrmTestUrls> = new Map(
  Object.entries(modules).map(([path, mod]) => {
    const urls = Object.values(mod)[0];
    if (!urls) throw new Error(`${path} exports no test URLs`);
    return [crmIdOf(path), urls] as const;
  }),
);

/** The example URLs of one CRM; a CRM without a test-urls.ts fails here, loudly. */
export function testUrlsOf(crmId: string): CrmTestUrls {
  const urls = CRM_TEST_URLS.get(crmId);
  if (!urls) throw new Error(`lib/crms/${crmId}/test-urls.ts is missing`);
  return urls;
}

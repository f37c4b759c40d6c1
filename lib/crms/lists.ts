import type { CrmListReader } from '../adapters/lists/types';
import { routeForUrl } from './routes';
// One line per CRM folder with a list.ts.
import { demoListReader } from './demo/list';
import { eleadListReader } from './elead/list';
import { pipedriveListReader } from './pipedrive/list';
import { salesforceListReader } from './salesforce/list';
import { vinsolutionsListReader } from './vinsolutions/list';

/**
 * Every CRM whose inbox or lead list Leadpace reads new leads from. A CRM missing here still
 * works on its lead pages; its leads just start their clocks when first opened.
 */
export const LIST_READERS: readonly CrmListReader[] = [
  demoListReader,
  salesforceListReader,
  pipedriveListReader,
  eleadListReader,
  vinsolutionsListReader,
];

export function listReaderById(id: string, readers: readonly CrmListReader[] = LIST_READERS): CrmListReader | undefined {
  return readers.find((reader) => reader.id === id);
}

/** The reader for a list page at `url`: the CRM whose origins cover it, if it reads this page. */
export function listReaderForUrl(url: URL, readers: readonly CrmListReader[] = LIST_READERS): CrmListReader | undefined {
  try {
    const route = routeForUrl(url);
    const reader = route ? listReaderById(route.id, readers) : undefined;
    return reader?.isListPage(url) ? reader : undefined;
  } catch {
    return undefined;
  }
}

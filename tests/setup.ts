// Every test gets a fresh in-memory IndexedDB, the same API the extension's pages use.
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/dom';

// findBy*/waitFor give up after 1 s by default; on a busy 2-core CI machine a popup section that
// loads after the first paint (team board, notices) can take longer without anything being wrong.
configure({ asyncUtilTimeout: 3_000 });

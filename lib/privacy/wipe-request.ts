import { z } from 'zod/mini';

// zod/mini: the message schemas (in the panel and list bundles) include this one, and the wipe
// itself (Dexie, storage) is none of their business.

/** `privacy/wipe` takes nothing: any key is refused, so no caller believes it chose what goes. */
export const wipeRequestSchema = z.strictObject({});

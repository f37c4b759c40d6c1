import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini loads no locale: its issues say only "Invalid input". Classic zod sets English when
// its first schema is made, so pages that still build one got English by accident. Code whose
// zod reasons reach a person (the background's refusals shown by options and the popup, the
// picker's "Add my CRM" check) imports this module first, so the reasons stay as specific as
// they were, whichever flavour the schemas on that page are. 1 kB gzip.
config(en());

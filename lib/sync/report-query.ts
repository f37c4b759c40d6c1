import { z } from 'zod/mini';

// zod/mini, apart from the report's wire format: the message schemas (in the panel and list
// bundles) check report queries, and classic zod there would be ~26 kB gzip of every CRM page.

const DAY_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The inclusive local dates of a report, as GET /v1/report and the report messages take them. */
export const reportQuerySchema = z.object({
  from: z.string().check(z.regex(DAY_RE, 'from must be a date YYYY-MM-DD')),
  to: z.string().check(z.regex(DAY_RE, 'to must be a date YYYY-MM-DD')),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

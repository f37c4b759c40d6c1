import { z } from 'zod';
import { sourceIdSchema } from './model';
import type { SpendLookup } from './report';

/**
 * Marketing spend a team keeps on its server (source → 'YYYY-MM' → amount), so the team report
 * can show cost per lead and per sale. The same bounds as the spend a rep keeps in the browser;
 * pure, so the server and the extension share it.
 */
export const CURRENCIES = ['EUR', 'USD'] as const;
export const currencySchema = z.enum(CURRENCIES);
export type Currency = z.infer<typeof currencySchema>;

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is YYYY-MM');
const amountSchema = z.number().finite().min(0).max(10_000_000);

export const teamSpendSchema = z.object({
  currency: currencySchema,
  bySource: z
    .record(sourceIdSchema, z.record(monthSchema, amountSchema))
    .refine((book) => Object.values(book).reduce((n, months) => n + Object.keys(months).length, 0) <= 20_000, 'at most 20000 spend entries'),
});
export type TeamSpend = z.infer<typeof teamSpendSchema>;

/** The report's lookup over a team's spend: unknown (null) where no amount was entered. */
export function teamSpendLookup(spend: TeamSpend): SpendLookup {
  return (source, month) => spend.bySource[source]?.[month] ?? null;
}

import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { sourceIdSchema } from '@/lib/domain/model';
import type { SpendLookup } from '@/lib/domain/report';

export const CURRENCIES = ['EUR', 'USD'] as const;
export const currencySchema = z.enum(CURRENCIES);
export type Currency = z.infer<typeof currencySchema>;

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is YYYY-MM');

/** What the dealer spent on one source in one month (in whole cents would lose nothing, but dealers enter euros). */
export const spendEntrySchema = z.object({
  source: sourceIdSchema,
  month: monthSchema,
  amount: z.number().finite().min(0).max(10_000_000),
});
export type SpendEntry = z.infer<typeof spendEntrySchema>;

export const spendBookSchema = z.object({
  currency: currencySchema,
  entries: z.array(spendEntrySchema).max(20_000),
});
export type SpendBook = z.infer<typeof spendBookSchema>;

export const EMPTY_SPEND: SpendBook = { currency: 'EUR', entries: [] };

/** Marketing spend per source and month; local to this browser. */
export const spendItem = storage.defineItem<SpendBook>('local:spend', { fallback: EMPTY_SPEND });

/** A stored book through zod: a corrupted value reads as no spend, never as €0 spend. */
export function parseSpendBook(raw: unknown): SpendBook {
  const parsed = spendBookSchema.safeParse(raw);
  return parsed.success ? parsed.data : EMPTY_SPEND;
}

export async function readSpendBook(): Promise<SpendBook> {
  return parseSpendBook(await spendItem.getValue());
}

export async function saveSpendBook(book: SpendBook): Promise<SpendBook> {
  const valid = spendBookSchema.parse(book);
  await spendItem.setValue(valid);
  return valid;
}

/** The report's lookup over a book: the last entry for a (source, month) wins. */
export function spendLookup(book: SpendBook): SpendLookup {
  const table = new Map<string, number>();
  for (const entry of book.entries) table.set(`${entry.source}|${entry.month}`, entry.amount);
  return (source, month) => table.get(`${source}|${month}`) ?? null;
}

import { useEffect, useState } from 'react';
import { safely } from '@/lib/safely';
import { EMPTY_SPEND, parseSpendBook, spendItem, type SpendBook } from '@/lib/storage/spend-item';

/** The dealer's marketing spend, kept live when it is edited in Options. */
export function useSpendBook(): SpendBook {
  const [book, setBook] = useState<SpendBook>(EMPTY_SPEND);
  useEffect(() => {
    let alive = true;
    spendItem
      .getValue()
      .then((value) => alive && setBook(parseSpendBook(value)))
      .catch(() => undefined);
    const unwatch = spendItem.watch((value) => setBook(parseSpendBook(value)));
    return () => {
      alive = false;
      safely(unwatch);
    };
  }, []);
  return book;
}

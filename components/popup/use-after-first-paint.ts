import { useEffect, useState } from 'react';

/**
 * False until one task after the first commit in which `ready` holds. What can wait for the
 * first screen to be painted waits for this: the rest of the rows, and the lazily loaded
 * sections, whose import() adds modulepreload links to the document and starts their fetches
 * inside the commit that renders them.
 */
export function useAfterFirstPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  // Passive effects run once the commit is done; the timer puts the change a task later.
  useEffect(() => {
    if (!ready || after) return;
    const timer = setTimeout(() => setAfter(true), 0);
    return () => clearTimeout(timer);
  }, [ready, after]);
  return after;
}

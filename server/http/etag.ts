/** Whether an If-None-Match header names this ETag (or `*`), so the answer can be a 304. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
}

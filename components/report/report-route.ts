export type ReportView = 'team' | 'source';

/** `#team` is the team board; every other address (also `?from=&to=`) is the source report. */
export function viewFromHash(hash: string): ReportView {
  return hash.replace(/^#/, '').split(/[?&]/)[0] === 'team' ? 'team' : 'source';
}

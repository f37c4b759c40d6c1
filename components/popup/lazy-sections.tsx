import { lazy, Suspense, useEffect, useState, type ComponentProps, type ComponentType } from 'react';
import type { LeadpaceDb } from '@/lib/db/schema';
import type { AddMyCrm as AddMyCrmComponent } from './AddMyCrm';
import type { CapturePage as CapturePageComponent } from './CapturePage';
import type { DriftNotice as DriftNoticeComponent } from './DriftNotice';
import type { EnableCrmPrompt as EnableCrmPromptComponent } from './EnableCrmPrompt';
import type { TeamSection as TeamSectionComponent } from './TeamSection';
import { databaseOf, type PopupDbSource } from './use-popup-data';

/**
 * The popup's sections other than the rep's own leads and figures, each in its own chunk: the
 * team board (sync client, wire schemas), page capture (the scrubber), "Add my CRM" and the CRM
 * prompts (the CRM routes) are not needed for the first screen, so their code loads after it.
 */

function deferred<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  return function Deferred(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

export const AddMyCrm = deferred<ComponentProps<typeof AddMyCrmComponent>>(() => import('./AddMyCrm').then((m) => m.AddMyCrm));
export const CapturePage = deferred<ComponentProps<typeof CapturePageComponent>>(() => import('./CapturePage').then((m) => m.CapturePage));
export const DriftNotice = deferred<ComponentProps<typeof DriftNoticeComponent>>(() => import('./DriftNotice').then((m) => m.DriftNotice));
export const EnableCrmPrompt = deferred<ComponentProps<typeof EnableCrmPromptComponent>>(() =>
  import('./EnableCrmPrompt').then((m) => m.EnableCrmPrompt),
);
const Team = deferred<ComponentProps<typeof TeamSectionComponent>>(() => import('./TeamSection').then((m) => m.TeamSection));

/** The database once it is there (null while Dexie's code loads). */
function useDatabase(db: PopupDbSource): LeadpaceDb | null {
  const [loaded, setLoaded] = useState<LeadpaceDb | null>(null);
  useEffect(() => {
    if (typeof db !== 'function') return;
    let alive = true;
    databaseOf(db).then(
      (database) => alive && setLoaded(database),
      // The popup's own read shows why the database is not there.
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [db]);
  return typeof db === 'function' ? loaded : db;
}

export function TeamSection({ db, ...props }: Omit<ComponentProps<typeof TeamSectionComponent>, 'db'> & { db: PopupDbSource }) {
  const database = useDatabase(db);
  return database ? <Team db={database} {...props} /> : null;
}

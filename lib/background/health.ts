import { noteLeadPage } from '@/lib/storage/adapter-health-item';
import { loadUserAdapters } from '@/lib/storage/user-adapters-item';
import { markedFieldCount } from '@/lib/adapters/user/to-adapter';
import type { LeadSnapshot } from '@/lib/domain/model';

/**
 * Options → CRMs (and the popup's drift notice) show how well each adapter reads lately and
 * the last lead it saw. A user adapter asks only for the fields the dealer marked; its name is
 * the dealer's. `builtInName` names a built-in CRM.
 */
export async function noteHealth(snapshot: LeadSnapshot, at: number, builtInName: (crm: string) => string | undefined): Promise<void> {
  const user = snapshot.crm.startsWith('user-') ? (await loadUserAdapters()).find((def) => def.id === snapshot.crm) : undefined;
  const name = user?.name ?? builtInName(snapshot.crm);
  await noteLeadPage(snapshot, at, user ? markedFieldCount(user) : undefined, name);
}

import { teamAdapterOverridesSchema } from '@/lib/sync/adapter-overrides';
import { authed, seedTeam, type App, type SuiteEnv } from './harness';

/** The team adapter routes as a member calls them (`id` is a built-in CRM or a user-… adapter). */
export const getAdapters = (app: App, token: string, headers: Record<string, string> = {}) => app.request('/v1/team/adapters', authed(token, { headers }));
export const putAdapter = (app: App, token: string, id: string, body: unknown) =>
  app.request(`/v1/team/adapters/${id}`, authed(token, { method: 'PUT', body: typeof body === 'string' ? body : JSON.stringify(body) }));
export const withdrawAdapter = (app: App, token: string, id: string) => app.request(`/v1/team/adapters/${id}/withdraw`, authed(token, { method: 'POST', body: '{}' }));
export const listAdapters = async (app: App, token: string) => teamAdapterOverridesSchema.parse(await (await getAdapters(app, token)).json());

/** A team with one rep and one manager, and their tokens. */
export async function repAndManager(env: SuiteEnv) {
  const t = await seedTeam(env.db, {
    name: 'Autohuis Noord',
    members: [
      { key: 'rep', name: 'Anna Rep', role: 'rep' },
      { key: 'manager', name: 'Lotte Manager', role: 'manager' },
    ],
  });
  return { ...t, rep: t.members.rep?.token ?? '', manager: t.members.manager?.token ?? '' };
}

/** The server's error body, checked to be one. */
export async function errorOf(res: Response): Promise<{ error: string; message: string }> {
  const body: unknown = await res.json();
  if (typeof body !== 'object' || body === null || !('error' in body) || !('message' in body)) throw new Error('not an error body');
  return { error: String(body.error), message: String(body.message) };
}

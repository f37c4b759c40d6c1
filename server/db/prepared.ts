import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * Put in a statement's text (a comment, so it changes nothing else) to have PostgreSQL parse
 * and plan it once per connection instead of on every run. Only for statements whose text
 * never varies (arrays through unnest, no "in (…)" lists): each distinct text is kept on every
 * pooled connection for the connection's life.
 */
export const PREPARED = '/* prepared */';

/** The statement's name on a connection: the same text always gets the same one. */
const nameOf = (text: string): string => `lp_${createHash('sha1').update(text).digest('base64url')}`;

class PreparingClient implements PostgresPoolClient {
  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(sql: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // connect() configures no cursor, so Kysely never streams through this client.
    if (typeof sql !== 'string') throw new Error('streaming queries are not configured');
    const values = [...(parameters ?? [])];
    const config: pg.QueryConfig = sql.includes(PREPARED) ? { name: nameOf(sql), text: sql, values } : { text: sql, values };
    return this.client.query(config).then((result) => ({ command: commandOf(result.command), rowCount: result.rowCount ?? 0, rows: result.rows as R[] }));
  }

  release(destroy?: boolean): void {
    this.client.release(destroy);
  }
}

const COMMANDS = ['UPDATE', 'DELETE', 'INSERT', 'SELECT', 'MERGE', 'COMMIT', 'ROLLBACK'] as const;
type Command = (typeof COMMANDS)[number];
const isCommand = (value: string): value is Command => (COMMANDS as readonly string[]).includes(value);
// Kysely reads the command only to tell a write's affected rows; anything else is a select.
const commandOf = (command: string): Command => (isCommand(command) ? command : 'SELECT');

/** The pool as Kysely sees it, with the statements marked PREPARED prepared per connection. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => new PreparingClient(await pool.connect()),
    end: () => pool.end(),
  };
}

import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { DbConfig } from './db/connect';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('0.0.0.0'),
  LEADPACE_DATA: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL').optional(),
});

export interface ServerConfig {
  port: number;
  host: string;
  db: DbConfig;
}

/** Environment → config, validated once at start so a typo fails loudly, not at first request. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.parse({
    PORT: env.PORT || undefined,
    HOST: env.HOST || undefined,
    LEADPACE_DATA: env.LEADPACE_DATA || undefined,
    DATABASE_URL: env.DATABASE_URL || undefined,
  });
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    db: parsed.DATABASE_URL
      ? { engine: 'postgres', url: parsed.DATABASE_URL }
      : { engine: 'sqlite', file: join(resolve(parsed.LEADPACE_DATA), 'leadpace.db') },
  };
}

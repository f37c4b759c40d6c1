import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { DbConfig } from './db/connect';

/** "10.0.0.1, 10.1.0.0/16, ::1": addresses or CIDR ranges, comma separated. */
const proxyList = z
  .string()
  .transform((raw) => raw.split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''))
  .pipe(
    z.array(
      z.string().refine((entry) => {
        const [address = '', bits, ...rest] = entry.split('/');
        const family = isIP(address);
        if (family === 0 || rest.length > 0) return false;
        return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
      }, 'LEADPACE_TRUSTED_PROXIES lists IP addresses or CIDR ranges, e.g. 127.0.0.1,10.0.0.0/8'),
    ),
  );

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('0.0.0.0'),
  LEADPACE_DATA: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL').optional(),
  LEADPACE_TRUSTED_PROXIES: proxyList.default([]),
  LEADPACE_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
});

export interface ServerConfig {
  port: number;
  host: string;
  db: DbConfig;
  /**
   * Reverse proxies whose `X-Forwarded-For` names the client (rate limits are per client
   * address). Empty by default: the header is then ignored, since anyone can send it.
   */
  trustedProxies: string[];
  /** How long a shutdown waits for in-flight requests before it closes them. */
  shutdownGraceMs: number;
}

/** Environment → config, validated once at start so a typo fails loudly, not at first request. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.parse({
    PORT: env.PORT || undefined,
    HOST: env.HOST || undefined,
    LEADPACE_DATA: env.LEADPACE_DATA || undefined,
    DATABASE_URL: env.DATABASE_URL || undefined,
    LEADPACE_TRUSTED_PROXIES: env.LEADPACE_TRUSTED_PROXIES || undefined,
    LEADPACE_SHUTDOWN_GRACE_MS: env.LEADPACE_SHUTDOWN_GRACE_MS || undefined,
  });
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    db: parsed.DATABASE_URL
      ? { engine: 'postgres', url: parsed.DATABASE_URL }
      : { engine: 'sqlite', file: join(resolve(parsed.LEADPACE_DATA), 'leadpace.db') },
    trustedProxies: parsed.LEADPACE_TRUSTED_PROXIES,
    shutdownGraceMs: parsed.LEADPACE_SHUTDOWN_GRACE_MS,
  };
}

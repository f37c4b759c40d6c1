import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@/server/app';
import type { Db } from '@/server/db/connect';
import { addressKey, TrustedProxies } from '@/server/http/client-address';
import { sqliteEngine } from './harness';

const randomToken = () => `lp_${Buffer.from(uuidv7() + uuidv7()).toString('base64url').slice(0, 43)}`;

describe('caller address', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s is limited as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  it('trusts only the listed proxies and ranges', () => {
    const trusted = new TrustedProxies(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    expect(trusted.trusts('127.0.0.1')).toBe(true);
    expect(trusted.trusts('10.20.30.40')).toBe(true);
    expect(trusted.trusts('fd12::1')).toBe(true);
    expect(trusted.trusts('11.0.0.1')).toBe(false);
    expect(trusted.trusts('not-an-ip')).toBe(false);
    expect(new TrustedProxies([]).trusts('127.0.0.1')).toBe(false);
    expect(() => new TrustedProxies(['10.0.0.0/33'])).toThrow();
  });
});

describe('X-Forwarded-For over a real socket', () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const opened = await sqliteEngine.open();
    db = opened.db;
    cleanup = opened.cleanup;
  });
  afterAll(async () => {
    await cleanup();
  });

  async function withServer(trustedProxies: string[], run: (url: string) => Promise<void>): Promise<void> {
    const app = createApp({ db, trustedProxies, abuseLimits: { unknownToken: { capacity: 2, refillPerSecond: 0.01 } } });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolveListen) => server.once('listening', () => resolveListen()));
    const { port } = server.address() as AddressInfo;
    try {
      await run(`http://127.0.0.1:${port}`);
    } finally {
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    }
  }

  const me = (url: string, forwardedFor?: string) =>
    fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${randomToken()}`, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) } }).then((r) => r.status);

  it('is ignored unless the peer is a trusted proxy: a caller cannot pick a fresh bucket', async () => {
    await withServer([], async (url) => {
      expect(await me(url, '198.51.100.1')).toBe(401);
      expect(await me(url, '198.51.100.2')).toBe(401);
      expect(await me(url, '198.51.100.3')).toBe(429);
    });
  });

  it('names the client when the peer is a trusted proxy', async () => {
    await withServer(['127.0.0.1'], async (url) => {
      expect(await me(url, '198.51.100.1')).toBe(401);
      expect(await me(url, '198.51.100.1')).toBe(401);
      expect(await me(url, '198.51.100.1')).toBe(429);
      // Another client behind the same proxy has its own bucket; a spoofed left-most entry
      // does not help the first one, since the proxy appends the address it saw.
      expect(await me(url, '198.51.100.2')).toBe(401);
      expect(await me(url, '203.0.113.9, 198.51.100.1')).toBe(429);
    });
  });
});

import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The proxies whose `X-Forwarded-For` the server believes: addresses or CIDR ranges. Empty
 * (the default) means the header is ignored, because any client can send it and would
 * otherwise pick its own rate-limit bucket.
 */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly size: number;

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [address = '', bits] = entry.split('/');
      const family = isIP(address);
      if (family === 0) throw new Error(`not an IP address or CIDR range: ${entry}`);
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (bits === undefined) this.list.addAddress(address, type);
      else {
        const prefix = Number(bits);
        if (!/^\d{1,3}$/.test(bits) || prefix > (family === 4 ? 32 : 128)) throw new Error(`bad prefix length in ${entry}`);
        this.list.addSubnet(address, prefix, type);
      }
    }
    this.size = entries.length;
  }

  trusts(address: string): boolean {
    const family = isIP(address);
    return this.size > 0 && family !== 0 && this.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }
}

/** `::ffff:1.2.3.4` is the IPv4 client 1.2.3.4 on a dual-stack socket. */
function canonical(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address.toLowerCase();
}

/**
 * The key a caller is rate-limited under. One IPv6 host usually owns a whole /64, so that is
 * the unit; otherwise every request could come from a fresh address.
 */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

function peerAddress(c: Context): string | null {
  try {
    const address = getConnInfo(c).remote.address;
    return address ? canonical(address) : null;
  } catch {
    // app.request() in tests has no socket.
    return null;
  }
}

/**
 * Who is calling: the socket's peer, or — only when that peer is a trusted proxy — the
 * nearest address in `X-Forwarded-For` that is not itself a trusted proxy.
 */
export function clientAddress(c: Context, trusted: TrustedProxies): string {
  const peer = peerAddress(c);
  if (peer === null) return 'unknown';
  if (!trusted.trusts(peer)) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => canonical(part.trim()))
    .filter((part) => part !== '');
  let client = peer;
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const hop = forwarded[i] ?? '';
    if (isIP(hop) === 0) break;
    client = hop;
    if (!trusted.trusts(hop)) break;
  }
  return client;
}

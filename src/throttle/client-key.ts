/**
 * Who a request counts against for the per-client limits: its API key when it has a
 * valid one (one analyst, wherever they connect from), else its address as Express
 * sees it (`req.ip`, which follows TRUST_PROXY: behind a trusted proxy, the client's
 * address from X-Forwarded-For; otherwise the socket's). An IPv6 address counts by its
 * /64, the block one subscriber gets, so that a client cannot take a new address per
 * request.
 */
import { isIPv6 } from 'node:net';
import type { Request } from 'express';
import type { Principal } from '../auth/principal.js';

/** `key:<key id>` or `address:<ip>` (`address:<first four groups>::/64` for IPv6). */
export function clientKey(req: Request, principal: Principal | null): string {
  if (principal) return `key:${principal.keyId}`;
  return `address:${addressKey(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;
}

/** An IPv4 address as is (also when IPv4-mapped), an IPv6 one as its /64. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * Who a request counts against for the per-client limits: its API key when it has a
 * valid one (one analyst, wherever they connect from), else its address as Express
 * sees it (`req.ip`, which follows TRUST_PROXY: behind a trusted proxy, the client's
 * address from X-Forwarded-For; otherwise the socket's).
 */
import type { Request } from 'express';
import type { Principal } from '../auth/principal.js';

/** `key:<key id>` or `address:<ip>`. */
export function clientKey(req: Request, principal: Principal | null): string {
  if (principal) return `key:${principal.keyId}`;
  return `address:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
}

/** Listening on a port and saying where: the last step of start(). */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on port and host; rejects (e.g. EADDRINUSE) instead of emitting an unhandled error. */
export function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The URL a listening address is reached at: a wildcard address as localhost, IPv6 in brackets. */
export function serverUrl(address: AddressInfo): string {
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

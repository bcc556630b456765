/**
 * Security headers on every response (pages, assets, the API, errors), set by helmet.
 * The Content-Security-Policy lets the dashboard and the playground run only the
 * scripts this server serves: no inline script, no other origin, no plugins, no
 * <base>, no framing; so even a value from the data that slipped past validation
 * into a page could not run script. The one relaxation, inline styles in the
 * playground only (its Monaco editor cannot work without them), and why data: fonts
 * and images are allowed: docs/decisions/0011-content-security-policy.md.
 */
import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';

/** The Content-Security-Policy directives of every response but the playground's. */
export const contentSecurityDirectives: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // Inline event-handler attributes (onclick="...") are script too.
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  // GraphiQL ships its fonts, and Monaco some icons, as data: URLs inside their CSS.
  'font-src': ["'self'", 'data:'],
  // The dashboard's PNG export draws its SVG (a Blob URL made by the page) onto a canvas.
  'img-src': ["'self'", 'data:', 'blob:'],
  // Monaco's editor workers are bundled files served from here.
  'worker-src': ["'self'"],
  'connect-src': ["'self'"],
  'form-action': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The playground's directives: the same, with inline styles, which Monaco (GraphiQL's
 * editor) writes into style attributes and <style> elements as it renders.
 */
export const playgroundContentSecurityDirectives: Readonly<Record<string, readonly string[]>> = {
  ...contentSecurityDirectives,
  'style-src': ["'self'", "'unsafe-inline'"],
};

/** True for the playground's pages (its assets are under /assets/ with the dashboard's). */
const isPlayground = (req: Request): boolean => req.path === '/playground' || req.path.startsWith('/playground/');

function headersWith(directives: Readonly<Record<string, readonly string[]>>): RequestHandler {
  return helmet({
    // Not helmet's defaults: they allow inline and https: styles and https: fonts, and
    // upgrade-insecure-requests would break the plain-HTTP loopback server.
    contentSecurityPolicy: { useDefaults: false, directives },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // TLS ends at whatever proxy serves this over HTTPS; HSTS (which binds subdomains too) is its call.
    strictTransportSecurity: false,
  }) as RequestHandler;
}

/** The helmet middleware: the strict policy everywhere, the playground's on its pages; no framing, no referrer, nosniff. */
export function securityHeaders(): RequestHandler {
  const strict = headersWith(contentSecurityDirectives);
  const playground = headersWith(playgroundContentSecurityDirectives);
  return (req, res, next) => (isPlayground(req) ? playground : strict)(req, res, next);
}

/** The CORS allowlist of the API routes (CORS_ORIGINS). */
import cors from 'cors';
import type { RequestHandler } from 'express';

/** An empty allowlist still answers preflights (without Access-Control-Allow-Origin), so only same-origin pages can call. */
export function corsOptions(origins: readonly string[]): cors.CorsOptions {
  return {
    origin: origins.includes('*') ? '*' : [...origins],
    methods: ['GET', 'POST'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  };
}

/** The cors middleware for the allowlist. */
export function corsPolicy(origins: readonly string[]): RequestHandler {
  return cors(corsOptions(origins));
}

/**
 * GET /health (liveness: the process answers) and GET /ready (readiness: Neo4j answers
 * and the server is not stopping), for load balancers. Neither is cached by anyone.
 */
import { Router } from 'express';
import type { Readiness } from '../readiness-probe.js';

/** The two probes; `readiness` is the cached Neo4j check, `stopping` says whether stop() has begun. */
export function healthRoutes(readiness: () => Promise<Readiness>, stopping: () => boolean): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    res.set('cache-control', 'no-store');
    // A draining server takes no new traffic, whatever Neo4j says.
    if (stopping()) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    const state = await readiness();
    res.status(state.ready ? 200 : 503).json(state.ready ? { status: 'ok', neo4j: 'ok' } : { status: 'unavailable', neo4j: state.neo4j });
  });
  return router;
}

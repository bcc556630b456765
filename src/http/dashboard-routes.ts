/**
 * The dashboard at / and the offline playground at /playground/: web/dist (npm run
 * build:web) served as static files when it is built; until then / is a small page
 * pointing at the API. Also the redirect of browsers opening GET /graphql.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type RequestHandler } from 'express';

/** The static dashboard and playground when built, else the placeholder page at /. */
export function dashboardRoutes(webRoot: string): RequestHandler {
  if (fs.existsSync(path.join(webRoot, 'index.html'))) return express.static(webRoot, { index: 'index.html' });
  const router = Router();
  router.get('/', (_req, res) => {
    res.type('html').send(placeholderPage);
  });
  return router;
}

/**
 * A browser opening /graphql (a GET preferring HTML) is redirected to the offline
 * playground when it is built: Apollo's landing page loads from a CDN and fails
 * offline. GraphQL clients (JSON, graphql-response+json, or any type) go on to Apollo.
 */
export function browserToPlayground(webRoot: string): RequestHandler {
  return (req, res, next) => {
    const prefersHtml = req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
    if (prefersHtml && fs.existsSync(path.join(webRoot, 'playground', 'index.html'))) res.redirect(302, '/playground/');
    else next();
  };
}

const placeholderPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>diplograph</title></head>
<body>
<h1>diplograph</h1>
<p>A knowledge graph of diplomatic positions. The dashboard is not built yet.</p>
<ul>
<li><a href="/graphql">/graphql</a>: the GraphQL API (npm run build:web builds the dashboard and the offline playground)</li>
<li><a href="/health">/health</a> and <a href="/ready">/ready</a>: liveness and readiness</li>
</ul>
</body>
</html>
`;

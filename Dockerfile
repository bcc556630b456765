# The diplograph API with its built dashboard and playground, for users with Docker
# (docker-compose.yml runs it beside Neo4j). Two stages: `build` installs every
# dependency and builds web/dist with Vite (a devDependency); `runtime` has the
# production dependencies only (tsx runs the TypeScript sources) and the built web/dist.
# `npm run docker:check` replays these steps without Docker (src/cli/docker-check.ts
# reads this file): keep to FROM, WORKDIR, ENV, COPY, RUN, USER, EXPOSE, HEALTHCHECK, CMD.

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-fund --no-audit
COPY schema.graphql ./
COPY docs/queries ./docs/queries
COPY web ./web
RUN npm run build:web

FROM node:20-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-fund --no-audit && npm cache clean --force
COPY tsconfig.json schema.graphql ./
COPY cypher ./cypher
COPY seeds ./seeds
COPY src ./src
COPY --from=build /app/web/dist ./web/dist
USER node
EXPOSE 4000
# /ready answers 200 once Neo4j answers too; node is in the image, curl and wget are not.
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and gets docker stop's SIGTERM itself, drains HTTP and
# exits 0 (compose adds an init with `init: true` to reap zombies). The flags are
# those of `npm start` (package.json); seeding is the compose file's one-shot service.
CMD ["node", "--max-semi-space-size=64", "--import", "tsx", "src/main.ts"]

# The diplograph API for users with Docker (docker-compose.yml runs it beside Neo4j).
# We run TypeScript directly with tsx, which package.json lists under "dependencies",
# so a production install (--omit=dev) has everything the server and the seed loader need.
FROM node:20-slim

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app

COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-fund --no-audit && npm cache clean --force

COPY --chown=node:node . .
USER node

EXPOSE 4000
CMD ["sh", "-c", "npm run seed && npm start"]

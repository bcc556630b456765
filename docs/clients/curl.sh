#!/bin/sh
# Russia and the demands it made, with curl alone (no jq).
ENDPOINT="${1:-http://127.0.0.1:4000/graphql}"
curl -s "$ENDPOINT" \
  -H 'content-type: application/json' \
  -H 'accept: application/graphql-response+json, application/json' \
  --data '{"query":"query Russia($id: ID!) { actor(id: $id) { id name demandsMade { id summary } } }","variables":{"id":"russia"}}'

#!/usr/bin/env python3
"""Who rejected or backed a demand, from diplograph, with Python's standard library only."""
import json
import sys
import time
import urllib.error
import urllib.request

ENDPOINT = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:4000/graphql"
PAGE = int(sys.argv[2]) if len(sys.argv) > 2 else 1000  # positions per request (1-1000)

# A hub demand has thousands of positions: ask how many, then read them page by page.
POSITIONS = """
query Positions($demandId: ID!, $asOf: Date, $first: Int!, $offset: Int!) {
  positions(demandId: $demandId, asOf: $asOf) {
    asOf
    count
    positions(first: $first, offset: $offset) { actor { id label } kind basis }
  }
}
"""


def graphql(query, variables=None, attempts=3):
    """Sends one operation; returns (data, errors). Waits and retries on 429/503 (Retry-After)."""
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(ENDPOINT, data=body, headers={
        "content-type": "application/json",
        "accept": "application/graphql-response+json, application/json",
    })
    for attempt in range(attempts):
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                answer = json.load(response)
        except urllib.error.HTTPError as error:
            # 400 (a limit or a syntax error), 429 RATE_LIMITED, 503 OVERLOADED: the body is still JSON.
            answer = json.load(error)
            retry_after = error.headers.get("retry-after")
            if error.code in (429, 503) and retry_after and attempt + 1 < attempts:
                time.sleep(int(retry_after))
                continue
        errors = [(e.get("extensions", {}).get("code"), e["message"]) for e in answer.get("errors", [])]
        return answer.get("data"), errors
    return None, [("OVERLOADED", "gave up after %d attempts" % attempts)]


def all_positions(demand_id, as_of):
    """Every position on a demand as of a fixed date (the order is stable, so pages do not overlap)."""
    table, errors, offset = None, [], 0
    while table is None or offset < table["count"]:
        data, errors = graphql(POSITIONS, {"demandId": demand_id, "asOf": as_of, "first": PAGE, "offset": offset})
        if errors or not data or not data["positions"]:
            break
        page = data["positions"]
        table = table or {"asOf": page["asOf"], "count": page["count"], "positions": []}
        table["positions"] += page["positions"]
        offset += PAGE
    return table, errors


if __name__ == "__main__":
    table, errors = all_positions("demand-nato-stop-enlargement", "2022-01-12")
    for code, message in errors:
        print("%s: %s" % (code, message), file=sys.stderr)
    print(json.dumps({"positions": table}))
    sys.exit(1 if errors else 0)

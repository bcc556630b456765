/** One GraphQL request with fetch: the data, and the errors by code (one failed field leaves the others' data). */
export async function askDiplograph(
  query: string,
  variables: Record<string, unknown> = {},
  endpoint = 'http://127.0.0.1:4000/graphql',
): Promise<{ data: Record<string, unknown> | null; errors: { code: string; message: string }[]; retryAfterSeconds?: number }> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  const retryAfter = Number(res.headers.get('retry-after'));
  return {
    data: body.data ?? null,
    errors: (body.errors ?? []).map((e) => ({ code: e.extensions?.code ?? `HTTP_${res.status}`, message: e.message })),
    // 429 RATE_LIMITED and 503 OVERLOADED: wait this long, then send the same request again.
    ...(retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
  };
}

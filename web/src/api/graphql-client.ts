/**
 * The dashboard's only way to the API: POST /graphql with a JSON body. Every failure
 * becomes an ApiError that carries what the views show: each `errors[].message`, its
 * `extensions.code`, and the request id the server logged it under.
 */

/** One error as the views show it. */
export interface ApiErrorDetail {
  message: string;
  /** `extensions.code` (NOT_FOUND, BAD_USER_INPUT, SERVICE_UNAVAILABLE, ...), or one of ours: NETWORK_ERROR, TIMEOUT, HTTP_ERROR. */
  code: string;
  path?: readonly (string | number)[];
}

/** Where a request failed: on the way (network), at the HTTP level, or in GraphQL. */
export type ApiFailure = 'network' | 'http' | 'graphql';

/** A failed request, with every error the API reported. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly failure: ApiFailure,
    readonly errors: ApiErrorDetail[],
    readonly status?: number,
    readonly requestId?: string,
    /** Whatever data came back beside the errors. */
    readonly data?: unknown,
  ) {
    super(errors.map((e) => e.message).join('; ') || 'Request failed');
  }

  /** The code of the first error: the one the views describe. */
  get code(): string {
    return this.errors[0]?.code ?? 'UNKNOWN';
  }

  /** Whether any error carries this code. */
  has(code: string): boolean {
    return this.errors.some((e) => e.code === code);
  }
}

/** Sends GraphQL operations to one endpoint. */
export interface GraphqlClient {
  readonly endpoint: string;
  /** Runs an operation; resolves with `data`, or rejects with ApiError (or the AbortError of `signal`). */
  request<TData, TVariables extends object = Record<string, unknown>>(
    document: string,
    variables?: TVariables,
    options?: { signal?: AbortSignal },
  ): Promise<TData>;
}

/** Options of createGraphqlClient. */
export interface GraphqlClientOptions {
  /** The API, absolute or relative to the page (default: `graphql` next to the page). */
  endpoint?: string;
  /** How long to wait for an answer before giving up. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /**
   * Variables every operation gets when its document declares them and the caller
   * gave none (the display language: `$lang`), read at each request.
   */
  pageVariables?: () => Record<string, unknown>;
}

interface GraphqlResponseBody {
  data?: unknown;
  errors?: { message?: unknown; path?: unknown; extensions?: { code?: unknown } }[];
}

/** Creates the client for the API the page was served with. */
export function createGraphqlClient(options: GraphqlClientOptions = {}): GraphqlClient {
  const endpoint = new URL(options.endpoint ?? 'graphql', document.baseURI).href;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  return {
    endpoint,
    async request<TData, TVariables extends object>(document: string, variables?: TVariables, opts: { signal?: AbortSignal } = {}) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
      let res: Response;
      try {
        res = await doFetch(endpoint, {
          method: 'POST',
          // application/json is not a "simple" content type, so Apollo's CSRF prevention lets it through.
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
          body: JSON.stringify({ query: document, variables: withPageVariables(document, variables ?? {}, options.pageVariables) }),
          signal,
        });
      } catch (err) {
        if (opts.signal?.aborted) throw err;
        if (timeout.aborted) {
          throw new ApiError('network', [{ message: `The API at ${endpoint} did not answer within ${Math.round(timeoutMs / 1000)} s`, code: 'TIMEOUT' }]);
        }
        throw new ApiError('network', [{ message: `Cannot reach the API at ${endpoint}`, code: 'NETWORK_ERROR' }]);
      }
      const requestId = res.headers.get('x-request-id') ?? undefined;
      const body = await readBody(res);
      if (body?.errors && body.errors.length > 0) {
        throw new ApiError('graphql', body.errors.map(toDetail), res.status, requestId, body.data ?? undefined);
      }
      if (!res.ok || body === undefined || body.data === undefined || body.data === null) {
        const code = res.status === 503 ? 'SERVICE_UNAVAILABLE' : 'HTTP_ERROR';
        throw new ApiError('http', [{ message: `The API answered HTTP ${res.status} without data`, code }], res.status, requestId);
      }
      return body.data as TData;
    },
  };
}

/** The caller's variables plus the page's, for those the document declares (`$lang: String`) and the caller left out. */
function withPageVariables(document: string, variables: object, pageVariables: (() => Record<string, unknown>) | undefined): object {
  if (!pageVariables) return variables;
  const merged: Record<string, unknown> = { ...variables };
  for (const [name, value] of Object.entries(pageVariables())) {
    if (merged[name] === undefined && new RegExp(`\\$${name}\\s*:`).test(document)) merged[name] = value;
  }
  return merged;
}

async function readBody(res: Response): Promise<GraphqlResponseBody | undefined> {
  try {
    const body: unknown = await res.json();
    return body !== null && typeof body === 'object' ? (body as GraphqlResponseBody) : undefined;
  } catch {
    return undefined;
  }
}

function toDetail(e: NonNullable<GraphqlResponseBody['errors']>[number]): ApiErrorDetail {
  const code = typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN';
  const message = typeof e.message === 'string' && e.message.length > 0 ? e.message : 'Unknown error';
  return Array.isArray(e.path) ? { message, code, path: e.path as (string | number)[] } : { message, code };
}

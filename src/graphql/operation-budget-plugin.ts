/**
 * What an operation may cost, checked once its document and variables are known and
 * before any resolver runs: its estimated cost against GRAPHQL_MAX_COST
 * (QUERY_TOO_COSTLY, HTTP 400), and, for expensive operations (those selecting an
 * analytical field), a per-client slot (RATE_LIMITED, HTTP 429 with Retry-After) and a
 * server-wide one, waited for in a bounded queue (OVERLOADED, HTTP 503 with
 * Retry-After). Slots are given back when the response is sent.
 */
import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { GraphqlLimits, ThrottleSettings } from '../config.js';
import type { Logger } from '../logger.js';
import { ClientLimiter } from '../throttle/client-limiter.js';
import { Semaphore, SemaphoreRefusal } from '../throttle/semaphore.js';
import { ErrorCode, limitExceeded } from './errors.js';
import { datesVersion, localSizes, scaleOf, wantsSizes, type LocalSizes } from './graph-size.js';
import { estimateOperationCost, type OperationCost } from './operation-cost.js';

/** The fields whose operations take per-client and server-wide slots. */
export const EXPENSIVE_FIELDS: ReadonlySet<string> = new Set(['Query.neighbourhood', 'Query.paths', 'Query.positions', 'Query.agreement', 'Query.timeline', 'Query.statements', 'Query.stances']);

interface WithClient {
  /** `key:<id>` or `address:<ip>`, set by the context factory (src/graphql/context.ts). */
  client?: string;
}

/** The plugin, with its limiter and semaphore exposed for logs and tests. */
export interface OperationBudget {
  plugin: ApolloServerPlugin<BaseContext>;
  clients: ClientLimiter;
  serverWide: Semaphore;
}

/**
 * Builds the plugin from the configured limits; `statements` gives the graph's size the
 * analytical fields' work is weighed for (graph-size.ts; 0: as measured at 10^4).
 */
export function operationBudget(limits: GraphqlLimits, throttle: ThrottleSettings, logger: Logger, statements: () => number = () => 0): OperationBudget {
  const clients = new ClientLimiter({ perClient: throttle.perClient, perMinute: throttle.perClientPerMinute, maxClients: throttle.maxClients });
  const serverWide = new Semaphore(throttle.serverWide, throttle.queue, throttle.queueTimeoutMs);
  const estimates = new EstimateCache();
  const plugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart() {
      const releases: (() => void)[] = [];
      // Apollo runs every plugin's didResolveOperation at once and answers as soon as one
      // throws (the access plugin's 401, say): a slot granted after the answer went out
      // must be given back at once, or it would be held for ever.
      let answered = false;
      const keep = (release: () => void) => {
        if (answered) return release();
        // A safety net should an answer ever go out without willSendResponse (an
        // unexpected fault in Apollo's pipeline): no slot is held for longer than this.
        const timer = setTimeout(release, MAX_HOLD_MS).unref();
        releases.push(() => {
          clearTimeout(timer);
          release();
        });
      };
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const size = statements();
          let estimate = estimates.of(schema, document, operation, request.variables ?? {}, size);
          // A neighbourhood, an issue filter or an actor filter: weighed by its own nodes' sizes, read
          // now (decisions 0068, 0069: a few db hits an issue or an actor, up to 20,000 for a hub's
          // neighbours); without them (a failure, or no answer within graph-size.ts' LOCAL_SIZES_WAIT_MS) as before.
          if (wantsSizes(estimate.wanted)) {
            // The least the sizes can make it: every node weighed as one not found (its floor). Over
            // the limit already (30 aliases' answers, say), it is refused without reading them: a
            // refused operation makes Neo4j do nothing (issue 14).
            const floor = estimates.of(schema, document, operation, request.variables ?? {}, size, NOTHING_FOUND);
            if (floor.cost > limits.maxCost) estimate = floor;
            else {
              const local = await localSizes(estimate.wanted);
              if (local) estimate = estimates.of(schema, document, operation, request.variables ?? {}, size, local);
            }
          }
          const { cost, expensiveFields } = estimate;
          if (cost > limits.maxCost) {
            const error = limitExceeded(
              ErrorCode.QUERY_TOO_COSTLY,
              `Query is too costly: estimated cost ${cost}, the limit is ${limits.maxCost} (GRAPHQL_MAX_COST); ` +
                'ask for fewer items (first, limit), less depth or fewer hops, fewer aliases or fewer nested fields',
              { setting: 'GRAPHQL_MAX_COST', max: limits.maxCost, found: cost },
            );
            // The size the analytical fields' work was weighed for: the same document may pass on a smaller graph.
            Object.assign(error.extensions, { graphStatements: size });
            throw withHttp(error, 400);
          }
          if (!expensiveFields.some((f) => EXPENSIVE_FIELDS.has(f))) return;
          const client = (contextValue as WithClient).client ?? 'unknown';
          const slot = clients.tryAcquire(client);
          if (!slot.ok) {
            const message =
              slot.reason === 'concurrency'
                ? `Too many expensive operations at once from this client: the limit is ${throttle.perClient} (EXPENSIVE_PER_CLIENT); wait for one to finish`
                : `Too many expensive operations from this client this minute: the limit is ${throttle.perClientPerMinute} (EXPENSIVE_RATE_PER_CLIENT)`;
            throw withHttp(new GraphQLError(message, { extensions: { code: ErrorCode.RATE_LIMITED, retryAfter: slot.retryAfterSeconds } }), 429, slot.retryAfterSeconds);
          }
          keep(slot.release);
          try {
            keep(await serverWide.acquire());
          } catch (err) {
            if (!(err instanceof SemaphoreRefusal)) throw err;
            logger.warn({ reqId: request.http?.headers.get('x-request-id'), reason: err.reason, ...serverWide.load }, 'expensive operation refused: server busy');
            const retryAfter = retryOverloadedSeconds();
            throw withHttp(
              new GraphQLError(
                `The server is busy with expensive operations (${err.reason}; EXPENSIVE_CONCURRENCY ${throttle.serverWide}, EXPENSIVE_QUEUE ${throttle.queue}); try again in a few seconds`,
                { extensions: { code: ErrorCode.OVERLOADED, retryAfter } },
              ),
              503,
              retryAfter,
            );
          }
        },
        async willSendResponse() {
          answered = true;
          for (const release of releases.splice(0)) release();
        },
      };
    },
  };
  return { plugin, clients, serverWide };
}

/** Sizes that find no node: each sized field at its floor, the least its sizes can weigh it. */
const NOTHING_FOUND: LocalSizes = { degrees: {}, issues: {}, actors: {} };

/** The longest a slot is held, whatever happens to its request. */
const MAX_HOLD_MS = 5 * 60_000;

/**
 * When a client refused for a busy server should try again: 1-4 s, spread so that the
 * clients refused together do not all come back in the same instant.
 */
const retryOverloadedSeconds = (): number => 1 + Math.floor(Math.random() * 4);

/** The error with the HTTP status (and Retry-After) Apollo sends for it. */
function withHttp(error: GraphQLError, status: number, retryAfterSeconds?: number): GraphQLError {
  const headers = new HeaderMap();
  if (retryAfterSeconds !== undefined) headers.set('retry-after', String(retryAfterSeconds));
  Object.assign(error.extensions, { http: { status, headers } });
  return error;
}

/** Variable sets remembered per document; past this the document's entries start again. */
const ESTIMATES_PER_DOCUMENT = 256;
/** Longer keys (large variable values) are not remembered: such requests are estimated each time, as before. */
const MAX_KEY_LENGTH = 2_048;

/**
 * The estimates already made, by document, operation, graph size and the values of the
 * variables the operation declares, and the version of the graph's dates (graph-size.ts:
 * scaleOf, datesVersion): the same inputs give the same estimate (estimateOperationCost reads
 * nothing else), and a client sends the same few documents
 * again and again. Apollo hands back the same DocumentNode for the same text from its
 * document cache, so documents are the keys (held weakly: an entry goes when Apollo drops
 * the document). Decision 0064.
 */
export class EstimateCache {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, OperationCost>>();

  /** `version`: what changes when the dates the estimate takes for a count change (graph-size.ts). */
  constructor(private readonly version: () => number = datesVersion) {}

  /** The estimate of estimateOperationCost for these inputs, made once. */
  of(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, statements: number, local?: LocalSizes): OperationCost {
    const scale = local ? { ...scaleOf(statements), local } : statements;
    const key = keyOf(operation, variables, statements, this.version(), local);
    if (key === undefined) return estimateOperationCost(schema, document, operation, variables, scale);
    let known = this.byDocument.get(document);
    if (!known) {
      known = new Map();
      this.byDocument.set(document, known);
    }
    let estimate = known.get(key);
    if (!estimate) {
      estimate = estimateOperationCost(schema, document, operation, variables, scale);
      if (known.size >= ESTIMATES_PER_DOCUMENT) known.clear();
      known.set(key, estimate);
    }
    return estimate;
  }
}

/**
 * The key of an estimate: the operation, the graph size and the declared variables' values
 * (undeclared ones are never read). Undefined when the values are too large to keep, or
 * cannot be written as JSON at all (a 45,000-deep array overflows the stack: that request
 * is estimated, and then refused by coercion, as before).
 */
function keyOf(operation: OperationDefinitionNode, variables: Record<string, unknown>, statements: number, version: number, local?: LocalSizes): string | undefined {
  // [0] for a variable not sent (its default applies), [1, value] for one sent, null included.
  const declared = (operation.variableDefinitions ?? []).map((v) => (v.variable.name.value in variables ? [1, variables[v.variable.name.value]] : [0]));
  let values: string;
  try {
    values = JSON.stringify(declared);
  } catch {
    return undefined;
  }
  // The sizes read for the request (decision 0068) are inputs too: the same document from another node is another estimate.
  if (local) values += JSON.stringify(local);
  if (values.length > MAX_KEY_LENGTH) return undefined;
  // The dates the estimate takes for that count (graph-size.ts: scaleOf) may be read after it was
  // first made (a server that answered before its first read of the dates) or again: their version is part of the key.
  return `${operation.name?.value ?? ''}\u0000${statements}\u0000${version}\u0000${values}`;
}

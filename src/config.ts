/**
 * The only reader of the environment. Every setting diplograph understands is
 * parsed and validated here, once, at start; a bad value stops the process with
 * one line naming the variable.
 */
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readRunState } from './local-neo4j/run-state.js';

/** Root of the repository (where package.json lives). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Node flags the server runs with (`npm start`, `npm run up`, the benchmark's and the
 * reliability scripts' servers). A 64 MiB young generation (V8's default is 16) means
 * fewer scavenges under load: +9-17 % requests/s at concurrency 32 on the 10^6 graph for
 * about 90 MiB more RSS (docs/performance.md, "Reads").
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'] as const;

/** Arguments for `node` that run a TypeScript entry point as the server runs (flags, tsx as loader). */
export const serverNodeArgs = (script: string): string[] => [...SERVER_NODE_FLAGS, '--import', 'tsx', script];

/** A configuration problem, always naming the variable at fault. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const memorySize = z.string().regex(/^\d+[kmg]$/i, 'expected a size such as 512m or 2g');
const boolFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const neo4jUri = z.string().refine(
  (v) => {
    try {
      const u = new URL(v);
      return /^(neo4j|bolt)(\+s|\+ssc)?:$/.test(u.protocol) && u.hostname.length > 0;
    } catch {
      return false;
    }
  },
  { message: 'expected a URI such as bolt://host:7687 or neo4j+s://xxxx.databases.neo4j.io' },
);

const envSchema = z.object({
  NEO4J_URI: neo4jUri.optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'not a valid database name').default('neo4j'),
  NEO4J_AUTH: z.enum(['basic', 'none']).default('basic'),
  NEO4J_HOME: z.string().min(1).optional(),
  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_HTTP_PORT: port.default(7474),
  NEO4J_HEAP: memorySize.default('2g'),
  NEO4J_PAGECACHE: memorySize.default('2g'),
  NEO4J_START_TIMEOUT: positiveInt.default(120),
  JAVA_HOME: z.string().min(1).optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: z.string().default(''),
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'expected a size such as 100kb').default('100kb'),
  GRAPHQL_INTROSPECTION: boolFlag.default(true),
  GRAPHQL_MAX_DEPTH: positiveInt.default(12),
  GRAPHQL_MAX_ALIASES: positiveInt.default(30),
  GRAPHQL_MAX_TOKENS: positiveInt.default(5000),
  GRAPHQL_MAX_COST: positiveInt.default(20000),
  GRAPHQL_MAX_DIRECTIVES: positiveInt.default(20),
  SHUTDOWN_GRACE: positiveInt.default(10),
  TRUST_PROXY: z.string().default('false'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  READS_REQUIRE_KEY: boolFlag.default(false),
  NEO4J_TX_TIMEOUT: positiveInt.default(5000),
  EXPENSIVE_PER_CLIENT: positiveInt.default(4),
  EXPENSIVE_RATE_PER_CLIENT: positiveInt.default(600),
  EXPENSIVE_CONCURRENCY: positiveInt.optional(),
  EXPENSIVE_QUEUE: z.coerce.number().int().min(0).default(32),
  EXPENSIVE_QUEUE_TIMEOUT: positiveInt.default(10000),
  THROTTLE_MAX_CLIENTS: positiveInt.default(10000),
});

/** Connection settings for Neo4j, local or remote. */
export interface Neo4jSettings {
  /** Bolt or neo4j URI. For the local server this is bolt://127.0.0.1:<bolt port>. */
  uri: string;
  user: string;
  /** Undefined for the local server until its password file is read, see src/neo4j/connection.ts. */
  password: string | undefined;
  database: string;
  auth: 'basic' | 'none';
  /** True when NEO4J_URI is unset and the project's own Neo4j is used. */
  local: boolean;
  /** The timeout of every transaction a request runs (ms), so that no request holds Neo4j. */
  transactionTimeoutMs: number;
}

/** Settings of the project-managed local Neo4j (ignored when NEO4J_URI is set). */
export interface LocalNeo4jSettings {
  home: string;
  boltPort: number;
  httpPort: number;
  heap: string;
  pageCache: string;
  startTimeoutSeconds: number;
  javaHome: string | undefined;
}

/** Limits on GraphQL operations. */
export interface GraphqlLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxDirectives: number;
}

/**
 * Bounds on the expensive operations (those selecting an analytical field, see
 * src/graphql/field-work.ts): per client (API key, else address) and server-wide.
 */
export interface ThrottleSettings {
  /** Expensive operations one client may have running at once (more: HTTP 429). */
  perClient: number;
  /** Expensive operations one client may start per minute (more: HTTP 429). */
  perClientPerMinute: number;
  /** Expensive operations running at once in the whole server; more wait in a queue. */
  serverWide: number;
  /** How many may wait for a server-wide slot (more: HTTP 503 OVERLOADED). */
  queue: number;
  /** How long one may wait in the queue before it is refused (ms). */
  queueTimeoutMs: number;
  /** Clients whose state is kept; the idle ones are forgotten first. */
  maxClients: number;
}

/** The validated configuration of one process. */
export interface Config {
  neo4j: Neo4jSettings;
  localNeo4j: LocalNeo4jSettings;
  http: {
    host: string;
    port: number;
    corsOrigins: string[];
    bodyLimit: string;
    /** Express's 'trust proxy': false, true, a hop count, or addresses/subnets of trusted proxies. */
    trustProxy: boolean | number | string[];
    /** How long a stop waits for in-flight requests before closing their connections. */
    shutdownGraceMs: number;
  };
  graphql: { introspection: boolean; limits: GraphqlLimits };
  /** Per-client and server-wide bounds on expensive operations. */
  throttle: ThrottleSettings;
  /** API keys: writes always need a write-scoped key; reads need a key only when readsRequireKey. */
  auth: { readsRequireKey: boolean };
  logLevel: string;
  production: boolean;
  /**
   * The variables whose values came from the local Neo4j's run.json (ports chosen by an
   * earlier start), not from the environment: messages name where a port came from.
   */
  remembered: string[];
}

/** How loadConfig treats the remembered state of the local Neo4j. */
export interface LoadConfigOptions {
  /**
   * Fill NEO4J_BOLT_PORT, NEO4J_HTTP_PORT and PORT, when unset, from `<home>/run.json`.
   * Default: only for the process's own environment, so that configurations built from
   * an explicit environment (tests, throwaway servers) never depend on local state.
   */
  remembered?: boolean;
}

/** The variables run.json can supply, with the field that holds each. */
const rememberedVariables = [
  ['NEO4J_BOLT_PORT', 'boltPort'],
  ['NEO4J_HTTP_PORT', 'httpPort'],
  ['PORT', 'serverPort'],
] as const;

/**
 * Parses and validates an environment (process.env by default).
 * Throws ConfigError naming the first bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): Config {
  const cleaned: Record<string, string> = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[0] in envSchema.shape && e[1] !== undefined && e[1] !== ''),
  );
  const remembered: string[] = [];
  if ((options.remembered ?? env === process.env) && cleaned.NEO4J_URI === undefined) {
    const state = readRunState(path.resolve(projectRoot, cleaned.NEO4J_HOME ?? '.neo4j'));
    // Neo4j's two ports go together: one set explicitly means neither is taken from memory.
    const neo4jPortSet = cleaned.NEO4J_BOLT_PORT !== undefined || cleaned.NEO4J_HTTP_PORT !== undefined;
    for (const [variable, field] of rememberedVariables) {
      const value = state?.[field];
      if (cleaned[variable] !== undefined || value === undefined || (neo4jPortSet && variable !== 'PORT')) continue;
      cleaned[variable] = String(value);
      remembered.push(variable);
    }
  }
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const given = cleaned[variable];
    throw new ConfigError(variable, `${issue.message}${given === undefined ? '' : ` (got ${JSON.stringify(given)})`}`);
  }
  const e = parsed.data;
  const local = e.NEO4J_URI === undefined;
  if (!local && e.NEO4J_AUTH === 'basic' && e.NEO4J_PASSWORD === undefined) {
    throw new ConfigError(
      'NEO4J_PASSWORD',
      'required when NEO4J_URI is set and NEO4J_AUTH=basic (set it, or NEO4J_AUTH=none for a server without auth)',
    );
  }
  if (local && e.NEO4J_PASSWORD !== undefined && e.NEO4J_PASSWORD.length < 8) {
    throw new ConfigError('NEO4J_PASSWORD', 'the local Neo4j needs a password of at least 8 characters');
  }
  if (e.NEO4J_BOLT_PORT === e.NEO4J_HTTP_PORT) {
    throw new ConfigError('NEO4J_HTTP_PORT', `must differ from NEO4J_BOLT_PORT (${e.NEO4J_BOLT_PORT})`);
  }
  const home = path.resolve(projectRoot, e.NEO4J_HOME ?? '.neo4j');
  const corsOrigins = e.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/]+$/.test(origin)) {
      throw new ConfigError('CORS_ORIGINS', `"${origin}" is not an origin such as https://dash.example.org`);
    }
  }
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  return {
    neo4j: {
      uri: e.NEO4J_URI ?? `bolt://127.0.0.1:${e.NEO4J_BOLT_PORT}`,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      auth: e.NEO4J_AUTH,
      local,
      transactionTimeoutMs: e.NEO4J_TX_TIMEOUT,
    },
    localNeo4j: {
      home,
      boltPort: e.NEO4J_BOLT_PORT,
      httpPort: e.NEO4J_HTTP_PORT,
      heap: e.NEO4J_HEAP,
      pageCache: e.NEO4J_PAGECACHE,
      startTimeoutSeconds: e.NEO4J_START_TIMEOUT,
      javaHome: e.JAVA_HOME,
    },
    http: {
      host: e.HOST,
      port: e.PORT,
      corsOrigins,
      bodyLimit: e.BODY_LIMIT,
      trustProxy,
      shutdownGraceMs: e.SHUTDOWN_GRACE * 1000,
    },
    graphql: {
      introspection: e.GRAPHQL_INTROSPECTION,
      limits: {
        maxDepth: e.GRAPHQL_MAX_DEPTH,
        maxAliases: e.GRAPHQL_MAX_ALIASES,
        maxTokens: e.GRAPHQL_MAX_TOKENS,
        maxCost: e.GRAPHQL_MAX_COST,
        maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      },
    },
    throttle: {
      perClient: e.EXPENSIVE_PER_CLIENT,
      perClientPerMinute: e.EXPENSIVE_RATE_PER_CLIENT,
      // Half the cores by default: an expensive operation keeps a core busy in Node (its
      // answer) and often one in a co-located Neo4j (docs/reliability.md, "Overload").
      serverWide: e.EXPENSIVE_CONCURRENCY ?? Math.max(1, Math.floor(availableParallelism() / 2)),
      queue: e.EXPENSIVE_QUEUE,
      queueTimeoutMs: e.EXPENSIVE_QUEUE_TIMEOUT,
      maxClients: e.THROTTLE_MAX_CLIENTS,
    },
    auth: { readsRequireKey: e.READS_REQUIRE_KEY },
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    remembered,
  };
}

const trustProxyNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY: true/false, a hop count, or a comma list of proxy addresses, subnets or proxy-addr names. */
function parseTrustProxy(value: string): boolean | number | string[] {
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^\d+$/.test(v)) return Number(v);
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    const [address, bits] = item.split('/');
    const ok = trustProxyNames.has(item) || (isIP(address ?? '') !== 0 && (bits === undefined || /^\d{1,3}$/.test(bits)));
    if (!ok) {
      throw new ConfigError(
        'TRUST_PROXY',
        `"${item}" is not true, false, a hop count, an address, a subnet or one of loopback, linklocal, uniquelocal`,
      );
    }
  }
  return items;
}

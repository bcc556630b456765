/**
 * `npm run keys -- create --name NAME --scope read|write | list | revoke ID`: manages
 * the API keys (:ApiKey nodes). `create` prints the new key alone on stdout, once;
 * only its hash is stored. Exit codes: 0 ok, 1 runtime error, 2 usage or configuration,
 * 3 no such key, 4 database unreachable.
 */
import { Command, InvalidArgumentError } from 'commander';
import { createApiKey, KEY_NAME, listApiKeys, revokeApiKey } from '../auth/api-keys.js';
import { KEY_SCOPES, type KeyScope } from '../auth/principal.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { MissingPasswordError } from '../neo4j/connection.js';
import { closeDriver, createDriver } from '../neo4j/driver.js';
import { neo4jErrorKind } from '../neo4j/errors.js';
import { applySchema } from '../seed/load-graph.js';
import { ExitCode } from './exit-codes.js';

const out = (s: string): void => void process.stdout.write(`${s}\n`);
const err = (s: string): void => void process.stderr.write(`${s}\n`);

/** Runs one action with the configured driver, mapping failures to exit codes. */
async function withDriver(action: (driver: ReturnType<typeof createDriver>, config: Config) => Promise<number>): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      err(`config error: ${e.message}`);
      return ExitCode.USAGE;
    }
    throw e;
  }
  try {
    const driver = createDriver(config);
    await applySchema(driver, config.neo4j.database);
    return await action(driver, config);
  } catch (e) {
    if (e instanceof MissingPasswordError) {
      err(`keys: ${e.message}`);
      return ExitCode.USAGE;
    }
    if (neo4jErrorKind(e) === 'unavailable' || neo4jErrorKind(e) === 'auth') {
      err(`keys: Neo4j at ${config.neo4j.uri} is unreachable or refused the credentials (${(e as Error).message.split('\n')[0]})`);
      return ExitCode.DATABASE_UNREACHABLE;
    }
    err(`keys: ${(e as Error).stack ?? String(e)}`);
    return ExitCode.RUNTIME_ERROR;
  } finally {
    await closeDriver();
  }
}

const program = new Command()
  .name('keys')
  .description('Create, list and revoke API keys (only a hash of each key is stored).')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

let run: () => Promise<number> = async () => ExitCode.USAGE;

program
  .command('create')
  .description('create a key and print it once on stdout')
  .requiredOption('--name <name>', 'who or what uses the key (shown in lists and the audit trail)', (v) => {
    if (!KEY_NAME.test(v)) throw new InvalidArgumentError('1-100 letters, digits, spaces and . _ @ : / -');
    return v;
  })
  .requiredOption('--scope <scope>', 'read or write', (v) => {
    if (!(KEY_SCOPES as readonly string[]).includes(v)) throw new InvalidArgumentError('expected read or write');
    return v as KeyScope;
  })
  .action((opts: { name: string; scope: KeyScope }) => {
    run = () =>
      withDriver(async (driver, config) => {
        const key = await createApiKey(driver, config.neo4j.database, opts);
        err(`created key ${key.id} (${key.name}, ${key.scope} scope). It is shown once, below; store it now.`);
        out(key.token);
        return ExitCode.OK;
      });
  });

program
  .command('list')
  .description('list keys: id, scope, created, revoked, name (never the keys themselves)')
  .option('--json', 'as JSON')
  .action((opts: { json?: boolean }) => {
    run = () =>
      withDriver(async (driver, config) => {
        const keys = await listApiKeys(driver, config.neo4j.database);
        if (opts.json) out(JSON.stringify(keys, null, 2));
        else if (keys.length === 0) err('no API keys yet: npm run keys -- create --name NAME --scope read|write');
        else for (const k of keys) out([k.id, k.scope.padEnd(5), k.createdAt.slice(0, 19), (k.revokedAt ? `revoked ${k.revokedAt.slice(0, 19)}` : 'active').padEnd(27), k.name].join('  '));
        return ExitCode.OK;
      });
  });

program
  .command('revoke')
  .description('revoke a key by id: it stops working at once')
  .argument('<id>', 'the key id (12 hex digits, as in keys list)')
  .action((id: string) => {
    run = () =>
      withDriver(async (driver, config) => {
        const revoked = await revokeApiKey(driver, config.neo4j.database, id);
        if (!revoked) {
          err(`keys: no API key with id "${id}"`);
          return ExitCode.INVALID_DATA;
        }
        err(revoked.already ? `key ${revoked.id} (${revoked.name}) was already revoked at ${revoked.revokedAt}` : `revoked key ${revoked.id} (${revoked.name})`);
        return ExitCode.OK;
      });
  });

async function main(): Promise<number> {
  try {
    program.parse();
  } catch (e) {
    const code = (e as { exitCode?: number }).exitCode;
    return code === 0 ? ExitCode.OK : ExitCode.USAGE;
  }
  return run();
}

process.exitCode = await main();

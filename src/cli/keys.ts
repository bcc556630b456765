/**
 * `npm run keys -- create --name NAME --scope read|write | list | revoke ID`: manages
 * the API keys (:ApiKey nodes). `create` prints the new key alone on stdout, once;
 * only its hash is stored. Exit codes: 0 ok, 1 runtime error, 2 usage or configuration,
 * 3 no such key, 4 database unreachable.
 */
import { InvalidArgumentError } from 'commander';
import { createApiKey, KEY_NAME, listApiKeys, revokeApiKey } from '../auth/api-keys.js';
import { KEY_SCOPES, type KeyScope } from '../auth/principal.js';
import { cliProgram, parseArgs, runMain, withDriver as withCliDriver } from './cli-support.js';
import { ExitCode } from './exit-codes.js';

const out = (s: string): void => void process.stdout.write(`${s}\n`);
const err = (s: string): void => void process.stderr.write(`${s}\n`);

/** Runs one action with the configured driver (schema applied), mapping failures to exit codes. */
const withDriver = (action: Parameters<typeof withCliDriver>[1]): Promise<number> => withCliDriver('keys', action, { schema: true });

const program = cliProgram('keys', 'Create, list and revoke API keys (only a hash of each key is stored).');

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
  return parseArgs(program) ?? run();
}

await runMain('keys', main);

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

/** The ConfigError loadConfig throws for an environment, or fails the test. */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('defaults to the local Neo4j on 127.0.0.1:7687 with a home under the repository', () => {
    const config = loadConfig({});
    expect(config.neo4j).toMatchObject({ uri: 'bolt://127.0.0.1:7687', local: true, auth: 'basic', database: 'neo4j' });
    expect(config.localNeo4j).toMatchObject({ boltPort: 7687, httpPort: 7474, heap: '2g', pageCache: '2g' });
    expect(config.localNeo4j.home).toMatch(/[/\\]\.neo4j$/);
  });

  it('names NEO4J_URI when it is not a Bolt or Neo4j URI', () => {
    for (const uri of ['not-a-uri', 'http://localhost:7474', 'bolt://']) {
      const err = configError({ NEO4J_URI: uri, NEO4J_PASSWORD: 'secret-password' });
      expect(err.variable).toBe('NEO4J_URI');
      expect(err.message).toMatch(/^NEO4J_URI: expected a URI such as bolt:\/\/host:7687/);
      expect(err.message).toContain(JSON.stringify(uri));
    }
  });

  it('accepts the URI schemes the driver knows', () => {
    for (const uri of ['bolt://db:7687', 'neo4j://db', 'neo4j+s://x.databases.neo4j.io', 'bolt+ssc://db:7687']) {
      expect(loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'secret-password' }).neo4j).toMatchObject({ uri, local: false });
    }
  });

  it('requires NEO4J_PASSWORD with NEO4J_URI and basic auth, and explains the way out', () => {
    const err = configError({ NEO4J_URI: 'bolt://db:7687' });
    expect(err.variable).toBe('NEO4J_PASSWORD');
    expect(err.message).toContain('NEO4J_AUTH=none');
    expect(loadConfig({ NEO4J_URI: 'bolt://db:7687', NEO4J_AUTH: 'none' }).neo4j.auth).toBe('none');
  });

  it('names the port variable that is out of range or not a number', () => {
    expect(configError({ NEO4J_BOLT_PORT: '70000' }).variable).toBe('NEO4J_BOLT_PORT');
    expect(configError({ NEO4J_HTTP_PORT: 'http' }).variable).toBe('NEO4J_HTTP_PORT');
    expect(configError({ PORT: '0' }).variable).toBe('PORT');
  });

  it('refuses the same port for Bolt and HTTP', () => {
    const err = configError({ NEO4J_BOLT_PORT: '7474' });
    expect(err.variable).toBe('NEO4J_HTTP_PORT');
    expect(err.message).toContain('7474');
  });

  it('refuses a local password shorter than Neo4j accepts', () => {
    expect(configError({ NEO4J_PASSWORD: 'short' }).variable).toBe('NEO4J_PASSWORD');
  });

  it('names bad memory sizes and timeouts', () => {
    expect(configError({ NEO4J_HEAP: 'lots' }).message).toMatch(/^NEO4J_HEAP: expected a size such as 512m or 2g/);
    expect(configError({ NEO4J_PAGECACHE: '2 GB' }).variable).toBe('NEO4J_PAGECACHE');
    expect(configError({ NEO4J_START_TIMEOUT: '-5' }).variable).toBe('NEO4J_START_TIMEOUT');
  });

  it('ignores empty variables, as a shell leaves them', () => {
    expect(loadConfig({ NEO4J_URI: '', NEO4J_BOLT_PORT: '' }).neo4j.local).toBe(true);
  });

  it('keeps reads public unless READS_REQUIRE_KEY says otherwise, and names a bad value', () => {
    expect(loadConfig({}).auth.readsRequireKey).toBe(false);
    expect(loadConfig({ READS_REQUIRE_KEY: 'true' }).auth.readsRequireKey).toBe(true);
    expect(loadConfig({ READS_REQUIRE_KEY: '0' }).auth.readsRequireKey).toBe(false);
    expect(configError({ READS_REQUIRE_KEY: 'maybe' }).variable).toBe('READS_REQUIRE_KEY');
  });
});

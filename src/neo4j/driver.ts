/**
 * The process's Neo4j driver. One driver per process holds the connection pool;
 * it is created on first use (never at import) and closed at shutdown.
 */
import neo4j, { type Config as DriverConfig, type Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import { resolveNeo4jConnection, type Neo4jConnection } from './connection.js';

/** Driver options shared by every driver the project opens. */
export const driverOptions: DriverConfig = {
  userAgent: 'diplograph',
  // Integers stay lossless Integer objects here and are converted once, at the graph boundary.
  disableLosslessIntegers: false,
  maxConnectionPoolSize: 50,
  connectionAcquisitionTimeout: 3_000,
  connectionTimeout: 2_000,
  maxConnectionLifetime: 60 * 60_000,
  maxTransactionRetryTime: 500,
  telemetryDisabled: true,
};

let processDriver: Driver | undefined;

/**
 * Opens a driver for a connection. Prefer createDriver; this is for the few places
 * that talk to a server other than the configured one (start-up probes, test servers).
 */
export function openDriver(connection: Neo4jConnection, overrides: DriverConfig = {}): Driver {
  return neo4j.driver(connection.uri, connection.authToken, { ...driverOptions, ...overrides });
}

/** Returns the process's driver, creating it on the first call. */
export function createDriver(config: Config): Driver {
  processDriver ??= openDriver(resolveNeo4jConnection(config));
  return processDriver;
}

/** Closes the process's driver, if one was created; safe to call twice. */
export async function closeDriver(): Promise<void> {
  const driver = processDriver;
  processDriver = undefined;
  await driver?.close();
}

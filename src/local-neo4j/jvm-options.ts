import type { LocalNeo4jSettings } from '../config.js';
import type { HomeLayout } from './home-layout.js';

/**
 * The JVM options Neo4j 5.26's distribution ships in neo4j.conf (server.jvm.additional).
 * We start CommunityEntryPoint ourselves, so nothing reads that key: we pass them here.
 * The --add-opens are what Netty and the page cache need on Java 17.
 */
export const distributionJvmOptions = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+AlwaysPreTouch',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '-XX:FlightRecorderOptions=stackdepth=256',
  '-XX:+UnlockDiagnosticVMOptions',
  '-XX:+DebugNonSafepoints',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
] as const;

/** Marks a java command line as our server's, so stop never signals a stranger. */
export const serverMainClass = 'org.neo4j.server.CommunityEntryPoint';

/** The full argument list for `java` that runs the local server in console mode. */
export function serverJavaArgs(settings: LocalNeo4jSettings, layout: HomeLayout): string[] {
  return [
    '-cp',
    `${layout.plugins}/*:${layout.conf}/*:${layout.lib}/*`,
    ...distributionJvmOptions,
    '-Dfile.encoding=UTF-8',
    `-Xms${settings.heap}`,
    `-Xmx${settings.heap}`,
    serverMainClass,
    `--home-dir=${layout.home}`,
    `--config-dir=${layout.conf}`,
    // Without console mode Neo4j drops console logging and expects a launcher around it.
    '--console-mode',
  ];
}

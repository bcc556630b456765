import path from 'node:path';

/** The files and folders of a local Neo4j home, all absolute. */
export interface HomeLayout {
  home: string;
  lib: string;
  /** Names the Neo4j version whose jars lib/ holds; its presence means "no download needed". */
  versionMarker: string;
  /** The copy of pom.xml that Maven runs on, so Maven never writes into the source tree. */
  pom: string;
  conf: string;
  confFile: string;
  data: string;
  /** Exists once the store has a password; set-initial-password only works before that. */
  authIni: string;
  logs: string;
  consoleLog: string;
  neo4jLog: string;
  run: string;
  pidFile: string;
  import: string;
  plugins: string;
  passwordFile: string;
}

/** Lays out a local Neo4j home; every path the local server uses is named here. */
export function homeLayout(home: string): HomeLayout {
  const at = (...parts: string[]) => path.join(home, ...parts);
  return {
    home,
    lib: at('lib'),
    versionMarker: at('lib', '.neo4j-version'),
    pom: at('pom.xml'),
    conf: at('conf'),
    confFile: at('conf', 'neo4j.conf'),
    data: at('data'),
    authIni: at('data', 'dbms', 'auth.ini'),
    logs: at('logs'),
    consoleLog: at('logs', 'console.log'),
    neo4jLog: at('logs', 'neo4j.log'),
    run: at('run'),
    pidFile: at('run', 'neo4j.pid'),
    import: at('import'),
    plugins: at('plugins'),
    passwordFile: at('password'),
  };
}

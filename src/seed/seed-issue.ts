/**
 * A problem found in a seed file, located as `file:line:col path.to.field`.
 * The loader collects every issue before it writes anything.
 */
export interface SeedIssue {
  /** Path of the file, relative to the working directory. */
  file: string;
  /** 1-based line and column; 0 when the file itself is at fault (unreadable). */
  line: number;
  col: number;
  /** Dotted path to the field, e.g. `statements[3].speaker`; empty for the whole file. */
  path: string;
  message: string;
}

/** Formats an issue the way editors and CI logs link it: `file:line:col path: message`. */
export function formatSeedIssue(issue: SeedIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.col}` : issue.file;
  return issue.path ? `${where} ${issue.path}: ${issue.message}` : `${where}: ${issue.message}`;
}

/** Renders a path such as ['statements', 3, 'speaker'] as `statements[3].speaker`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Thrown when seed files are invalid; carries every issue found. */
export class SeedValidationError extends Error {
  override name = 'SeedValidationError';
  constructor(readonly issues: SeedIssue[]) {
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'} in the seed files:\n${issues.map(formatSeedIssue).join('\n')}`);
  }
}

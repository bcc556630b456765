/** Exit codes shared by every command-line entry point. */
export const ExitCode = {
  OK: 0,
  RUNTIME_ERROR: 1,
  USAGE: 2,
  INVALID_DATA: 3,
  DATABASE_UNREACHABLE: 4,
} as const;

// Errors the CLI shows to a user: a stable code, the message, and what to do. They exit 2 with
// no stack. Anything else that escapes is a bug: main.ts prints its stack and asks for a report.
export const EXIT = {
  /** every task passed (or was skipped with a reason) */
  ok: 0,
  /** an expectation was not met */
  failed: 1,
  /** usage, setup or spec error; also an internal error (which prints a stack) */
  usage: 2,
} as const;

export type CliErrorCode =
  | 'E_USAGE'
  | 'E_NO_CASES_DIR'
  | 'E_FLAKE_INPUT'
  | 'E_NO_MATCH'
  | 'E_SPEC'
  | 'E_SUITE_CONFIG'
  | 'E_NIX_SETUP'
  | 'E_INIT_EXISTS';

export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function formatCliError(e: CliError): string {
  return [`flakecase: ${e.code} ${e.message}`, ...(e.hint ? [`  hint: ${e.hint}`] : [])].join('\n');
}

/** The text for an unexpected error: the stack, the versions, and a request for a report. */
export function formatInternalError(e: unknown, versions: Readonly<Record<string, string>>): string {
  const stack = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
  const v = Object.entries(versions).map(([k, x]) => `${k} ${x}`).join(', ');
  return [
    'flakecase: internal error: this is a bug in flakecase, not in your cases.',
    `Please open an issue in the flakecase repository with this text and the command you ran (${v}).`,
    '',
    stack,
  ].join('\n');
}

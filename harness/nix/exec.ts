// The one place that spawns nix. Everything above it gets a typed result, never an exception.
import { execa } from 'execa';
import { classifyStderr, tail, type CommandContext } from './classify-stderr.ts';
import { NIX_ERROR_CODES, describeFailure, hintFor, type NixError, type NixFailure } from './errors.ts';
import { quoteCommand } from './escape.ts';

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export interface NixRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly argv: readonly string[];
  readonly escapedCommand: string;
  readonly durationMs: number;
}

export interface ExecOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** Text for nix's stdin (e.g. `nix key convert-secret-to-public`); stdin is closed otherwise. */
  readonly input?: string;
  /** How to read a failure: see classifyStderr. */
  readonly context?: CommandContext;
  /** Called with each command before it starts: the runner keeps every command that ran. */
  readonly onCommand?: (escapedCommand: string) => void;
}

export function makeNixError(
  failure: NixFailure,
  argv: readonly string[],
  exitCode: number | undefined,
  stderr: string,
  env: Readonly<Record<string, string>> = {},
): NixError {
  const escapedCommand = quoteCommand(argv, env);
  return {
    failure,
    code: NIX_ERROR_CODES[failure.kind],
    message: `${describeFailure(failure)}\n  re-run: ${escapedCommand}`,
    hint: hintFor(failure),
    argv,
    escapedCommand,
    exitCode,
    stderrTail: tail(stderr),
  };
}

export async function execNix(
  nixPath: string,
  args: readonly string[],
  opts: ExecOptions,
): Promise<Result<NixRun, NixError>> {
  const argv = [nixPath, ...args];
  const env = opts.env ?? {};
  const escapedCommand = quoteCommand(argv, env);
  opts.onCommand?.(escapedCommand);
  const started = performance.now();
  const r = await execa(nixPath, args, {
    reject: false,
    timeout: opts.timeoutMs,
    ...(opts.signal ? { cancelSignal: opts.signal } : {}),
    env: { ...env, NO_COLOR: '1' },
    cwd: opts.cwd,
    ...(opts.input !== undefined ? { input: opts.input } : { stdin: 'ignore' as const }),
    forceKillAfterDelay: 3000,
    cleanup: true,
    maxBuffer: 256 * 1024 * 1024,
  });
  const durationMs = performance.now() - started;
  const stderr = typeof r.stderr === 'string' ? r.stderr : '';
  const stdout = typeof r.stdout === 'string' ? r.stdout : '';
  if (!r.failed) return { ok: true, value: { stdout, stderr, argv, escapedCommand, durationMs } };

  let failure: NixFailure;
  if (r.code === 'ENOENT' || (r.cause instanceof Error && (r.cause as NodeJS.ErrnoException).code === 'ENOENT')) {
    failure = { kind: 'nix-missing', searched: nixPath };
  } else if (r.timedOut) {
    failure = { kind: 'timeout', timeoutMs: opts.timeoutMs };
  } else if (r.isCanceled || opts.signal?.aborted) {
    failure = { kind: 'cancelled' };
  } else {
    failure = classifyStderr(stderr, opts.context);
  }
  return { ok: false, error: makeNixError(failure, argv, r.exitCode, stderr, env) };
}

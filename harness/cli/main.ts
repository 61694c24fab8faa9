// The CLI's entry: parse, dispatch, and map every way out to an exit code. User mistakes
// (CliError) print the message and a hint without a stack; anything else prints the stack and
// asks for a report, as changesets' ExitError / InternalError split.
import { parseArgs } from './args.ts';
import { CliError, EXIT, formatCliError, formatInternalError } from './errors.ts';
import type { CliIO } from './io.ts';
import type { RunDeps } from './run-cases.ts';
import { flakecaseVersion } from './version.ts';

export async function main(argv: readonly string[], io: CliIO, deps: Partial<RunDeps> = {}): Promise<number> {
  const version = deps.version ?? flakecaseVersion();
  try {
    const parsed = await parseArgs(argv, io, version);
    switch (parsed.kind) {
      case 'exit':
        return parsed.code;
      // Loaded on demand: --help and --version should not wait for the runner's modules.
      case 'init':
        return await (await import('../init/index.ts')).runInit(parsed.dir, io);
      case 'run': {
        const { runCases } = await import('./run-cases.ts');
        const openSuite = deps.openSuite ?? (await import('../run/index.ts')).openSuite;
        return await runCases(parsed.options, io, { openSuite, version });
      }
      default: {
        const never: never = parsed;
        return never;
      }
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`${formatCliError(e)}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`${formatInternalError(e, { flakecase: version, node: process.version, platform: `${process.platform}-${process.arch}` })}\n`);
    return EXIT.usage;
  }
}

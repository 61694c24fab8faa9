// Command-line parsing with commander (14: the newest line that supports Node 20). The result
// is data: what to run, with defaults applied, or an exit code when commander already printed
// help, the version or a usage error. Nothing here touches the file system.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { REPORTER_NAMES } from '../report/index.ts';
import type { CliIO } from './io.ts';
import { EXIT } from './errors.ts';

export interface RunOptions {
  readonly filters: readonly string[];
  readonly conditions: readonly string[];
  readonly concurrency: number | undefined;
  readonly json: string | undefined;
  readonly junit: string | undefined;
  readonly inputs: 'stand-ins' | 'locked';
  /** NAME -> PATH as written (resolved against cwd by the runner) */
  readonly flakeInputs: Readonly<Record<string, string>>;
  readonly cases: string;
}

export type ParsedArgs =
  | { readonly kind: 'run'; readonly options: RunOptions }
  | { readonly kind: 'init'; readonly dir: string }
  | { readonly kind: 'exit'; readonly code: number };

function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number, e.g. --concurrency 2.');
  return n;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function flakeInput(value: string, previous: Record<string, string> | undefined): Record<string, string> {
  const m = /^([A-Za-z_][\w'-]*)=(.+)$/.exec(value);
  if (!m?.[1] || !m[2]) throw new InvalidArgumentError('expected NAME=PATH, e.g. --flake-input nixfiles=../nixfiles.');
  return { ...(previous ?? {}), [m[1]]: m[2] };
}

const AFTER_HELP = `
Exit codes: 0 every expectation held (skipped ones are listed, never counted as passed),
            1 an expectation was not met, 2 a usage, setup or case.yaml error.
In GitHub Actions (GITHUB_ACTIONS=true) failures are also annotated on their case.yaml line
and a summary matrix is appended to $GITHUB_STEP_SUMMARY. Reporters: ${REPORTER_NAMES.join(', ')}.

Examples:
  flakecase                                   every case under every condition it declares
  flakecase no-hvf-override --condition no-hvf
  flakecase --cases cases --flake-input nixfiles=. --junit report.xml
  flakecase --real-inputs                     the flake.lock's inputs; plan only where this host cannot build
  flakecase init ~/nixfiles                   write a starter cases/ folder`;

export async function parseArgs(argv: readonly string[], io: CliIO, version: string): Promise<ParsedArgs> {
  let parsed: ParsedArgs | undefined;
  const program = new Command('flakecase')
    .description('Evaluate and build Nix case flakes with the real nix under simulated hosts (hvf, no-hvf, no-builder), and check what each must show.')
    .version(version, '-V, --version', 'print the flakecase version')
    .helpOption('-h, --help', 'show this help')
    .argument('[case-filter...]', 'run only cases whose folder name contains one of these')
    .option('-c, --condition <name>', 'run only this condition (repeatable)', collect)
    .option('-j, --concurrency <n>', 'tasks at a time (default: the number of cores)', positiveInt)
    .option('--json <file>', 'write the typed results as JSON')
    .option('--junit <file>', 'write JUnit XML (a case is a testsuite, a condition a testcase)')
    .addOption(new Option('--offline', "replace the inputs named in case.yaml with their stand-ins (the default)").conflicts('realInputs'))
    .addOption(new Option('--real-inputs', "use the flake.lock's inputs; conditions this host cannot build are planned, not built, and their unchecked expectations are skipped").conflicts('offline'))
    .option('--flake-input <name=path>', 'override a flake input of every case with a local flake (repeatable), e.g. nixfiles=.', flakeInput)
    .option('--cases <dir>', 'the folder of case folders', 'cases')
    .showHelpAfterError('(run flakecase --help for usage)')
    .addHelpText('after', AFTER_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      getOutHelpWidth: () => io.stdout.columns ?? 100,
      getErrHelpWidth: () => io.stderr.columns ?? 100,
    })
    .action((filters: string[], o: { condition?: string[]; concurrency?: number; json?: string; junit?: string; realInputs?: boolean; flakeInput?: Record<string, string>; cases: string }) => {
      parsed = {
        kind: 'run',
        options: {
          filters,
          conditions: o.condition ?? [],
          concurrency: o.concurrency,
          json: o.json,
          junit: o.junit,
          inputs: o.realInputs ? 'locked' : 'stand-ins',
          flakeInputs: o.flakeInput ?? {},
          cases: o.cases,
        },
      };
    });
  program
    .command('init')
    .description('write a starter cases/ folder into a nixfiles repository (never overwrites a file)')
    .argument('[dir]', 'the repository to write into', '.')
    .action((dir: string) => {
      parsed = { kind: 'init', dir };
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    // Help and version exit 0; every other commander error is a usage error it has printed.
    return { kind: 'exit', code: e.exitCode === 0 ? EXIT.ok : EXIT.usage };
  }
  return parsed ?? { kind: 'exit', code: EXIT.usage };
}

// The nix operations flakecase needs, as typed results. The runner receives a NixAdapter, so
// its unit tests can pass a fake one; the case suite always passes this real one.
import { execNix, makeNixError, type ExecOptions, type NixRun, type Result } from './exec.ts';
import type { NixError } from './errors.ts';
import type { NixBinary } from './find-nix.ts';
import { parseBuildJson, parseDryRun, parseShowDerivation, type BuiltPaths, type DerivationInfo, type DryRunPlan } from './parse-output.ts';
import { settingsToArgs, type HostSetup, type NixSettings } from './settings.ts';

export type CallContext = Omit<ExecOptions, 'env'> & { readonly env?: Readonly<Record<string, string>> };

export interface FlakeTarget {
  /** e.g. `path:/tmp/flakecase-x/ws/flake` */
  readonly flakeRef: string;
  /** attribute path inside the flake, without '#' */
  readonly attribute: string;
  /** input name -> flake ref (`path:/abs/dir`), passed as --override-input */
  readonly overrides: Readonly<Record<string, string>>;
}

export interface NixAdapter {
  readonly binary: NixBinary;
  readonly host: HostSetup;
  /** The argv prefix for a call with these settings (for printing re-runnable commands). */
  argsFor(settings: NixSettings): string[];
  evalDrvPath(target: FlakeTarget, settings: NixSettings, ctx: CallContext): Promise<Result<string, NixError>>;
  copyDerivations(from: string, to: string, drvs: readonly string[], ctx: CallContext): Promise<Result<NixRun, NixError>>;
  dryRun(settings: NixSettings, drvs: readonly string[], ctx: CallContext): Promise<Result<DryRunPlan, NixError>>;
  showDerivations(settings: NixSettings, drvs: readonly string[], ctx: CallContext): Promise<Result<Map<string, DerivationInfo>, NixError>>;
  build(settings: NixSettings, drvs: readonly string[], ctx: CallContext): Promise<Result<BuiltPaths[], NixError>>;
  copyTo(settings: NixSettings, destination: string, paths: readonly string[], ctx: CallContext): Promise<Result<NixRun, NixError>>;
  run(settings: NixSettings, args: readonly string[], ctx: CallContext): Promise<Result<NixRun, NixError>>;
}

export function flakeArgs(t: FlakeTarget): string[] {
  const args = ['--no-write-lock-file'];
  for (const [name, ref] of Object.entries(t.overrides)) args.push('--override-input', name, ref);
  return args;
}

export function createNixAdapter(binary: NixBinary, host: HostSetup): NixAdapter {
  const argsFor = (s: NixSettings) => settingsToArgs(host, s);
  const run = (s: NixSettings, args: readonly string[], ctx: CallContext) =>
    execNix(binary.path, [...argsFor(s), ...args], ctx);
  // Nix 2.13+ wants `drv^*` for "the outputs of this derivation"; 2.8 takes the bare path.
  const installables = (drvs: readonly string[]) => drvs.map((d) => `${d}${binary.caps.drvOutputsSuffix}`);

  return {
    binary,
    host,
    argsFor,
    run,
    async evalDrvPath(t, s, ctx) {
      const r = await run(s, ['eval', '--json', ...flakeArgs(t), `${t.flakeRef}#${t.attribute}.drvPath`], { ...ctx, context: 'eval' });
      if (!r.ok) return r;
      try {
        const v: unknown = JSON.parse(r.value.stdout);
        if (typeof v === 'string') return { ok: true, value: v };
      } catch {
        // fall through
      }
      return { ok: false, error: { ...errorFrom(r.value, `expected a .drv path, got ${r.value.stdout.slice(0, 200)}`) } };
    },
    copyDerivations(from, to, drvs, ctx) {
      return execNix(binary.path, [...argsFor({}), 'copy', '--no-check-sigs', '--from', from, '--to', to, '--derivation', ...drvs], ctx);
    },
    async dryRun(s, drvs, ctx) {
      const r = await run(s, ['build', '--dry-run', '--no-link', ...installables(drvs)], ctx);
      return r.ok ? { ok: true, value: parseDryRun(r.value.stderr) } : r;
    },
    async showDerivations(s, drvs, ctx) {
      const r = await run(s, [...binary.caps.derivationShow, ...drvs], ctx);
      return r.ok ? { ok: true, value: parseShowDerivation(r.value.stdout) } : r;
    },
    async build(s, drvs, ctx) {
      const r = await run(s, ['build', '--no-link', '--json', ...installables(drvs)], ctx);
      if (!r.ok) return r;
      const built = parseBuildJson(r.value.stdout);
      // Newer nix given a bare .drv "builds" the .drv file itself and exits 0 (fixtures/drv-path-syntax.md).
      if (built.length < drvs.length) return { ok: false, error: errorFrom(r.value, `nix reported no outputs for ${drvs.join(' ')}`) };
      return { ok: true, value: built };
    },
    copyTo(s, destination, paths, ctx) {
      return run(s, ['copy', '--to', destination, ...paths], ctx);
    },
  };
}

function errorFrom(r: NixRun, summary: string): NixError {
  return makeNixError({ kind: 'unknown', summary }, r.argv, 0, r.stderr);
}

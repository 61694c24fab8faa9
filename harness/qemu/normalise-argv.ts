/**
 * Makes an argv stable across builds and runs, for comparisons and vitest snapshots:
 * Nix store hashes become `<hash>` and temporary directories `<tmp>`.
 */

// 32 characters of nix-base32 (0-9, a-z without e, o, t, u) after /nix/store/.
const STORE_HASH = /\/nix\/store\/[0-9a-df-np-sv-z]{32}-/g;

/** Temporary directory shapes the harness and run-nixos-vm create. */
export const DEFAULT_TEMP_PATTERNS: readonly RegExp[] = [
  // run-nixos-vm: mktemp -d nix-vm.XXXXXXXXXX --tmpdir
  /(?:\/private)?\/(?:tmp|var\/folders\/[^/\s,]+\/[^/\s,]+\/T)\/nix-vm\.[A-Za-z0-9]{10}/g,
  // tmp-promise / tmp: tmp-<pid>-<random>
  /(?:\/private)?\/tmp\/tmp-\d+-[A-Za-z0-9]+/g,
  // fs.mkdtemp(os.tmpdir() + '/flakecase-')
  /(?:\/private)?\/tmp\/flakecase-[A-Za-z0-9._-]+/g,
];

export interface NormaliseOptions {
  /** Exact directories to replace (longest first), e.g. a task's workspace. */
  readonly tempDirs?: readonly string[];
  readonly patterns?: readonly RegExp[];
}

export function normaliseStorePaths(text: string): string {
  return text.replace(STORE_HASH, '/nix/store/<hash>-');
}

export function normaliseText(text: string, options: NormaliseOptions = {}): string {
  let out = normaliseStorePaths(text);
  const dirs = [...(options.tempDirs ?? [])].filter((d) => d.length > 1).sort((a, b) => b.length - a.length);
  for (const dir of dirs) out = out.split(dir.replace(/\/+$/, '')).join('<tmp>');
  for (const pattern of options.patterns ?? DEFAULT_TEMP_PATTERNS) out = out.replace(pattern, '<tmp>');
  return out;
}

export function normaliseArgv(argv: readonly string[], options: NormaliseOptions = {}): string[] {
  return argv.map((arg) => normaliseText(arg, options));
}

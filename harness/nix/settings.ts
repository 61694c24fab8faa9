// Nix settings as data, turned into `--option` flags. Conditions produce these; the adapter
// adds them to every call so the printed command reproduces the exact host that was simulated.

export interface NixSettings {
  /** Chroot store root (`--store DIR`): one per task, so no condition sees another's outputs. */
  readonly store?: string;
  /** `--option system`: the host nix pretends to be (aarch64-darwin for a Mac). */
  readonly system?: string;
  /** `--option extra-platforms`: systems a (simulated) Linux builder can build. */
  readonly extraPlatforms?: readonly string[];
  /** `--option substituters`; empty means no cache at all (never the public one: we are offline). */
  readonly substituters?: readonly string[];
  readonly trustedPublicKeys?: readonly string[];
  readonly requireSigs?: boolean;
}

/** What this machine needs for any build at all (single-user root, no nixpkgs on the host). */
export interface HostSetup {
  /** '' when there is no nixbld group (root, single-user): nix otherwise refuses to build. */
  readonly buildUsersGroup: string | undefined;
  /** e.g. '/bin/sh=/bin/busybox /bin/busybox' so sandboxed builders have a shell. */
  readonly sandboxPaths: readonly string[];
}

export function settingsToArgs(host: HostSetup, s: NixSettings): string[] {
  const args = ['--extra-experimental-features', 'nix-command flakes'];
  const opt = (name: string, value: string) => args.push('--option', name, value);
  if (host.buildUsersGroup !== undefined) opt('build-users-group', host.buildUsersGroup);
  if (host.sandboxPaths.length > 0) opt('sandbox-paths', host.sandboxPaths.join(' '));
  opt('substituters', (s.substituters ?? []).join(' '));
  if (s.trustedPublicKeys && s.trustedPublicKeys.length > 0) opt('trusted-public-keys', s.trustedPublicKeys.join(' '));
  if (s.requireSigs !== undefined) opt('require-sigs', s.requireSigs ? 'true' : 'false');
  if (s.system !== undefined) opt('system', s.system);
  if (s.extraPlatforms && s.extraPlatforms.length > 0) opt('extra-platforms', s.extraPlatforms.join(' '));
  if (s.store !== undefined) args.push('--store', s.store);
  return args;
}

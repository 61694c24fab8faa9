// One command a user can paste to redo a task's builds from scratch, from their checkout:
// a fresh store, the condition's settings, the case's inputs replaced as the harness did.
import { quoteCommand, type NixAdapter, type NixSettings } from '../nix/index.ts';
import type { ResolvedCase } from '../spec/index.ts';

export function reproduceCommand(
  nix: NixAdapter,
  c: ResolvedCase,
  settings: NixSettings,
  overrides: Readonly<Record<string, string>>,
  conditionName: string,
): string {
  const store = `/tmp/flakecase-rerun-${c.name}-${conditionName}`;
  const args = [nix.binary.path, ...nix.argsFor({ ...settings, store }), 'build', '--no-link', '--no-write-lock-file', '-L'];
  for (const [name, ref] of Object.entries(overrides)) args.push('--override-input', name, ref);
  for (const t of c.targets) args.push(`path:${c.dir}#${t.attribute}`);
  return quoteCommand(args);
}

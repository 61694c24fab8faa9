// Which (case, condition) tasks a command line asks for. Pure: loaded cases in, tasks or a
// usage error out. Filters match case folder names, so a broken case.yaml can be selected too.
import { basename } from 'node:path';
import type { LoadResult } from '../spec/index.ts';
import { CliError } from './errors.ts';

export interface Selected {
  readonly dirs: readonly { readonly dir: string; readonly load: LoadResult }[];
  readonly tasks: readonly { readonly caseName: string; readonly condition: string }[];
}

export function selectTasks(
  cases: readonly { readonly dir: string; readonly load: LoadResult }[],
  filters: readonly string[],
  conditions: readonly string[],
): Selected {
  const names = cases.map((c) => basename(c.dir));
  const dirs = filters.length === 0 ? cases : cases.filter((c) => filters.some((f) => basename(c.dir).includes(f)));
  if (dirs.length === 0) {
    throw new CliError(
      'E_NO_MATCH',
      cases.length === 0 ? 'the cases folder has no case (a folder with a case.yaml)' : `no case name contains ${filters.map((f) => `'${f}'`).join(' or ')}`,
      cases.length === 0 ? 'Write one (see the README, "Writing a case") or a starter set with flakecase init.' : `Cases: ${names.join(', ')}.`,
    );
  }
  const tasks = dirs.flatMap((c) =>
    c.load.ok ? c.load.value.conditions.filter((cc) => conditions.length === 0 || conditions.includes(cc.condition.name)).map((cc) => ({ caseName: c.load.ok ? c.load.value.name : '', condition: cc.condition.name })) : [],
  );
  const declared = new Set(dirs.flatMap((c) => (c.load.ok ? c.load.value.conditions.map((cc) => cc.condition.name) : [])));
  const unknown = conditions.filter((k) => !declared.has(k));
  if (unknown.length > 0 && dirs.every((c) => c.load.ok)) {
    throw new CliError('E_NO_MATCH', `no selected case declares condition ${unknown.map((k) => `'${k}'`).join(', ')}`, `Conditions in the selected cases: ${[...declared].sort().join(', ') || '(none)'}.`);
  }
  return { dirs, tasks };
}

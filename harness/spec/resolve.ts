// Parsed case -> resolved case: pure; the loader supplies the directory and the file name.
import { resolve as resolvePath } from 'node:path';
import { BUILTIN_CONDITIONS, declareCondition, isBuiltinCondition, type Condition } from '../conditions/index.ts';
import type { BuildExpectation, CaseCondition, ResolvedCase, ResolvedExpectations } from './resolved.ts';
import type { ParsedCase, ParsedConditionSpec } from './schema.ts';
import type { Locator } from './validate.ts';

export const DEFAULT_TIMEOUT_MS = 300_000;

function conditionFor(name: string, c: ParsedConditionSpec): Condition {
  if (c.simulate === undefined && isBuiltinCondition(name)) return BUILTIN_CONDITIONS[name];
  return declareCondition(name, c.description, c.simulate ?? { like: isBuiltinCondition(name) ? name : undefined });
}

function buildExpectations(targets: readonly string[], c: ParsedConditionSpec): Record<string, BuildExpectation> {
  const out: Record<string, BuildExpectation> = {};
  for (const t of targets) {
    if (typeof c.build === 'string') out[t] = c.build;
    else if (typeof c.build === 'object') out[t] = c.build[t] ?? 'any';
    // Unsaid: a case expects its targets to build, unless it expects an error.
    else out[t] = c.error ? (c.error.target === undefined || c.error.target === t ? 'any' : 'ok') : 'ok';
  }
  return out;
}

export function resolveCase(spec: ParsedCase, name: string, dir: string, file: string, locate: Locator): ResolvedCase {
  const written = [{ name: 'main', targets: spec.targets, lb: spec['linux-builder'] }, ...(spec.phases ?? []).map((p) => ({ name: p.name, targets: p.targets, lb: p['linux-builder'] }))];
  const targets = written.flatMap((p, phase) => Object.entries(p.targets).map(([n, attribute]) => ({ name: n, attribute, phase })));
  const phases = written.map((p) => ({ name: p.name, targets: Object.keys(p.targets), linuxBuilder: p.lb }));
  const targetNames = targets.map((t) => t.name);
  const conditions: CaseCondition[] = Object.entries(spec.conditions).map(([cname, c]) => {
    const expect: ResolvedExpectations = {
      build: buildExpectations(targetNames, c),
      error: c.error,
      outputs: (c.outputs ?? []).map((o, index) => ({ ...o, target: o.target ?? targetNames[0] ?? '', index })),
      qemu: c.qemu,
    };
    return { condition: conditionFor(cname, c), expect, linePos: locate(['conditions', cname]).linePos };
  });
  const inputs: Record<string, string> = {};
  for (const [n, rel] of Object.entries(spec.inputs ?? {})) inputs[n] = resolvePath(dir, rel);
  return {
    name,
    dir,
    file,
    description: spec.description,
    inputs,
    targets,
    phases,
    conditions,
    timeoutMs: spec.timeout !== undefined ? spec.timeout * 1000 : DEFAULT_TIMEOUT_MS,
    locate,
  };
}

// Which expectations a plan-only task can decide. Pure: a case from case.yaml text, targets as
// plan-only produces them (skipped when evaluated, not-evaluated when evaluation failed).
import { describe, expect, it } from 'vitest';
import { BUILTIN_CONDITIONS } from '../conditions/index.ts';
import type { TargetResult } from '../result/index.ts';
import { resolveCase, validateCase, type ResolvedCase } from '../spec/index.ts';
import { nodeHostSystem, planOnlyReason, splitExpectations } from './plan-only.ts';

function caseOf(yaml: string): ResolvedCase {
  const v = validateCase(`# yaml-language-server: $schema=x\n${yaml}`, 'cases/x/case.yaml');
  if (!v.ok) throw new Error(v.errors.map((e) => e.message).join('\n'));
  return resolveCase(v.value, 'x', '/cases/x', 'cases/x/case.yaml', v.locate);
}

const skipped = (name: string): TargetResult => ({ name, attribute: name, drvPath: `/nix/store/${'a'.repeat(32)}-${name}.drv`, outcome: { status: 'skipped', reason: 'r' } });
const notEvaluated = (name: string): TargetResult => ({
  name,
  attribute: name,
  drvPath: undefined,
  outcome: { status: 'not-evaluated', error: { source: 'harness', code: 'X', class: 'unknown', message: 'boom', hint: '' } },
});

const TWO = `description: d
targets:
  system: a.system
  builder: a.builder
conditions:
  hvf:
    build: ok
    outputs:
      - target: builder
        path: bin/run-nixos-vm
        not-matches: accel=hvf
    qemu:
      accelerator: tcg
  no-builder:
    build: fails
    error:
      class: missing-builder
  no-hvf:
    build: fails
    error:
      class: eval-error
`;

describe('splitExpectations', () => {
  const c = caseOf(TWO);
  const cond = (n: string) => c.conditions.find((x) => x.condition.name === n)!;

  it('skips every expectation that needs a build when all targets evaluated', () => {
    const { checkable, skipped: s } = splitExpectations(cond('hvf'), [skipped('system'), skipped('builder')], 'why');
    expect(s.map((x) => x.path.join('.'))).toEqual(['conditions.hvf.build', 'conditions.hvf.outputs.0', 'conditions.hvf.qemu']);
    expect(s[0]?.reason).toBe('not built: why');
    expect(Object.values(checkable.build)).toEqual(['any', 'any']);
    expect(checkable.outputs).toEqual([]);
    expect(checkable.qemu).toBeUndefined();
  });

  it('keeps an error class only evaluation decides, and skips one only a build shows', () => {
    const nb = splitExpectations(cond('no-builder'), [skipped('system'), skipped('builder')], 'why');
    expect(nb.checkable.error).toBeUndefined();
    expect(nb.skipped.map((x) => x.path.join('.'))).toEqual(['conditions.no-builder.build', 'conditions.no-builder.error']);
    const nh = splitExpectations(cond('no-hvf'), [skipped('system'), skipped('builder')], 'why');
    expect(nh.checkable.error?.class).toBe('eval-error');
  });

  it('checks what belongs to a target that did not evaluate: a full run would fail the same way', () => {
    const r = splitExpectations(cond('hvf'), [notEvaluated('system'), skipped('builder')], 'why');
    expect(r.checkable.build).toEqual({ system: 'ok', builder: 'any' });
    expect(r.skipped.map((x) => x.path.join('.'))).toEqual(['conditions.hvf.build.builder', 'conditions.hvf.outputs.0', 'conditions.hvf.qemu']);
    const nb = splitExpectations(cond('no-builder'), [notEvaluated('system'), skipped('builder')], 'why');
    expect(nb.checkable.error?.class).toBe('missing-builder');
  });
});

describe('planOnlyReason', () => {
  it('stand-ins run everywhere; locked inputs need the condition system', () => {
    const mac = BUILTIN_CONDITIONS.hvf.parts;
    expect(planOnlyReason('stand-ins', 'x86_64-linux', mac)).toBeUndefined();
    expect(planOnlyReason('locked', 'aarch64-darwin', mac)).toBeUndefined();
    expect(planOnlyReason('locked', 'x86_64-linux', mac)).toMatch(/this host is x86_64-linux and cannot build aarch64-darwin/);
  });

  it('names the host system as nix does', () => {
    expect(nodeHostSystem('linux', 'x64')).toBe('x86_64-linux');
    expect(nodeHostSystem('darwin', 'arm64')).toBe('aarch64-darwin');
  });
});

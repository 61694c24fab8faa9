import { describe, expect, it } from 'vitest';
import { formatSpecProblem } from './errors.ts';
import { validateCase } from './validate.ts';

const HEAD = '# yaml-language-server: $schema=../../harness/spec/case.schema.json\n';
const ok = `${HEAD}description: x
targets:
  hello: packages.aarch64-darwin.hello
conditions:
  hvf:
    build: ok
  no-builder:
    build: fails
    error: { class: missing-builder, system: aarch64-linux }
`;

function errorsOf(text: string) {
  const r = validateCase(text, 'cases/x/case.yaml');
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('validateCase', () => {
  it('accepts a well-formed case', () => {
    const r = validateCase(ok, 'cases/x/case.yaml');
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys(r.value.conditions)).toEqual(['hvf', 'no-builder']);
  });

  it('names an unknown key with its line and column and the nearest valid key', () => {
    const [e, ...rest] = errorsOf(ok.replace('    build: ok', '    buidl: ok'));
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ code: 'SPEC_UNKNOWN_KEY', path: 'conditions.hvf.buidl', linePos: { line: 7, col: 5 } });
    expect(e?.hint).toMatch(/Did you mean 'build'\?/);
    expect(formatSpecProblem(e!, ok.replace('    build: ok', '    buidl: ok'))).toMatch(
      /^cases\/x\/case\.yaml:7:5 SPEC_UNKNOWN_KEY conditions\.hvf\.buidl: unknown key 'buidl'\n {2}7 \| {5}buidl: ok\n {4}\| {5}\^/,
    );
  });

  it('lists the valid conditions for an unknown one', () => {
    const [e] = errorsOf(ok.replace('  no-builder:', '  no-buidler:'));
    expect(e).toMatchObject({ code: 'SPEC_UNKNOWN_CONDITION', linePos: { line: 8, col: 3 } });
    expect(e?.hint).toContain("Did you mean 'no-builder'?");
    expect(e?.hint).toContain('hvf, no-hvf, no-builder');
  });

  it('reports every problem at once, not only the first', () => {
    const text = ok.replace('build: ok', 'build: okay').replace('class: missing-builder', 'class: nope');
    const errs = errorsOf(text);
    expect(errs.map((e) => e.code).sort()).toEqual(['SPEC_INVALID_VALUE', 'SPEC_INVALID_VALUE']);
    expect(errs.map((e) => e.linePos?.line).sort()).toEqual([10, 7]);
  });

  it('catches YAML syntax errors with their position', () => {
    const [e] = errorsOf(`${HEAD}description: x\ntargets: [a\n`);
    expect(e?.code).toBe('SPEC_YAML_SYNTAX');
    expect(e?.linePos?.line).toBeGreaterThanOrEqual(3);
  });

  it('catches duplicate keys', () => {
    const [e] = errorsOf(ok.replace('    build: ok', '    build: ok\n    build: fails'));
    expect(e?.code).toBe('SPEC_YAML_SYNTAX');
    expect(e?.hint).toMatch(/once/);
  });

  it('rejects a bad regex, pointing at it', () => {
    const [e] = errorsOf(ok.replace('system: aarch64-linux', 'message: "(unclosed"'));
    expect(e).toMatchObject({ code: 'SPEC_BAD_REGEX', path: 'conditions.no-builder.error.message', linePos: { line: 10 } });
  });

  it('rejects an unknown target in outputs and build maps', () => {
    const text = ok.replace('    build: ok', '    build: { helo: ok }\n    outputs: [{ target: nope, path: x }]');
    const codes = errorsOf(text).map((e) => `${e.code} ${e.path}`);
    expect(codes).toEqual(['SPEC_UNKNOWN_TARGET conditions.hvf.build.helo', 'SPEC_UNKNOWN_TARGET conditions.hvf.outputs.0.target']);
  });

  it('rejects an error expected where every build must succeed', () => {
    const [e] = errorsOf(ok.replace('build: fails', 'build: ok'));
    expect(e?.code).toBe('SPEC_CONTRADICTION');
  });

  it('reports a missing required key', () => {
    const [e] = errorsOf(`${HEAD}description: x\nconditions: {}\n`);
    expect(e).toMatchObject({ code: 'SPEC_MISSING_KEY', path: 'targets' });
  });

  it('accepts a declared condition and warns when nothing is checked', () => {
    const r = validateCase(`${HEAD}description: x\ntargets: { a: b }\nconditions:\n  mine:\n    simulate: { like: no-hvf, qemu: '11.1' }\n`, 'f');
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(['SPEC_NOTHING_CHECKED']);
  });

  it('warns when the schema line is missing', () => {
    const r = validateCase(ok.replace(HEAD, ''), 'f');
    expect(r.warnings.map((w) => w.code)).toEqual(['SPEC_NO_SCHEMA_LINE']);
  });
});

describe('phases and the linux builder', () => {
  const phased = `${HEAD}description: x
targets:
  runner: darwinConfigurations.runner.system
  runner-builder: darwinConfigurations.runner.config.nix.linux-builder.package
linux-builder: { package: runner-builder, machines: runner }
phases:
  - name: laptop
    targets:
      laptop: darwinConfigurations.laptop.system
conditions:
  no-hvf: { build: ok }
`;

  it('accepts later phases with their own targets', () => {
    expect(validateCase(phased, 'f').ok).toBe(true);
  });

  it('rejects a target named in two phases', () => {
    const [e] = errorsOf(phased.replace('      laptop: darwin', '      runner: darwin'));
    expect(e).toMatchObject({ code: 'SPEC_DUPLICATE_TARGET', path: 'phases.0.targets.runner' });
  });

  it('rejects a linux-builder naming a target of another phase', () => {
    const [e] = errorsOf(phased.replace('machines: runner }', 'machines: laptop }'));
    expect(e).toMatchObject({ code: 'SPEC_UNKNOWN_TARGET', path: 'linux-builder.machines', linePos: { line: 6 } });
  });
});

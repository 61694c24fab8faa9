// Classifier tests on stderr captured from real runs of Nix 2.8.0, 2.26.3 and 2.34.8
// (fixtures/README.md says how each file was produced).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyStderr, stripAnsi } from './classify-stderr.ts';

const VERSIONS = ['2.8.0', '2.26.3', '2.34.8'] as const;
const fixture = (v: string, name: string) => readFileSync(new URL(`./fixtures/${v}/${name}`, import.meta.url), 'utf8');
const LINUX_DRV = '/nix/store/a73jbbvc88z1k3kb50la9a0597k6slfs-linux-thing.drv';

describe.each(VERSIONS)('nix %s', (v) => {
  it('reads the missing-builder error in the form this version prints', () => {
    const f = classifyStderr(fixture(v, 'missing-builder.stderr'));
    expect(f).toMatchObject({ kind: 'missing-builder', drvPath: LINUX_DRV, requiredSystem: 'aarch64-linux', hostSystem: 'aarch64-darwin', requiredFeatures: [] });
    if (f.kind === 'missing-builder') expect(f.form).toBe(v === '2.34.8' ? 'multi-line' : 'one-line');
  });

  it('reads a failed build with its drv and log tail', () => {
    const f = classifyStderr(fixture(v, 'build-failed.stderr'));
    expect(f).toMatchObject({ kind: 'build-failed', drvPath: '/nix/store/ydhjj1886ak6i8w29qxppq7n46px91w2-failing.drv' });
    if (f.kind === 'build-failed') expect(f.logTail).toContain('something went wrong');
  });

  it('reads a type error with its position', () => {
    const f = classifyStderr(fixture(v, 'eval-type-error.stderr'));
    expect(f).toMatchObject({ kind: 'eval-error', summary: 'cannot add a string to an integer', position: { line: 20, column: 25 } });
    if (f.kind === 'eval-error') expect(f.position?.file).toMatch(/\/nix\/store\/[0-9a-z]{32}-source\/flake\.nix$/);
  });

  it('reads a syntax error with its position', () => {
    const f = classifyStderr(fixture(v, 'parse-error.stderr'));
    expect(f).toMatchObject({ kind: 'eval-error', position: { line: 4, column: 37 } });
    if (f.kind === 'eval-error') expect(f.summary).toMatch(/syntax error/);
  });

  it('reads a failed assertion', () => {
    expect(classifyStderr(fixture(v, 'eval-throw-assert.stderr'))).toMatchObject({ kind: 'eval-error', summary: "assertion 'false' failed", position: { line: 22, column: 21 } });
  });

  it('takes the real error after the trace for throw, with the position newer nix prints', () => {
    const f = classifyStderr(fixture(v, 'eval-throw.stderr'), 'eval');
    expect(f).toMatchObject({ kind: 'eval-error', summary: 'boom' });
    // 2.8 prints no position for throw; newer versions point at the throw call.
    if (f.kind === 'eval-error') expect(f.position?.line).toBe(v === '2.8.0' ? undefined : 21);
  });

  it('reads a missing attribute as an eval error without position', () => {
    const f = classifyStderr(fixture(v, 'eval-missing-attr.stderr'));
    expect(f).toMatchObject({ kind: 'eval-error', position: undefined });
    if (f.kind === 'eval-error') expect(f.summary).toMatch(/does not provide attribute 'packages\.aarch64-darwin\.doesNotExist'/);
  });
});

describe('classifyStderr on odd input', () => {
  it('never throws and keeps unrecognised text', () => {
    expect(classifyStderr('')).toEqual({ kind: 'unknown', summary: '(nix printed nothing on stderr)' });
    expect(classifyStderr('error: cannot connect to socket at /nix/var/nix/daemon-socket/socket')).toMatchObject({ kind: 'unknown', summary: expect.stringContaining('cannot connect') });
  });

  it('does not take 2.34 "Cannot build … builder failed" for a missing builder', () => {
    expect(classifyStderr(fixture('2.34.8', 'build-failed.stderr')).kind).toBe('build-failed');
  });

  it('strips terminal colours before matching', () => {
    const colored = "\u001b[31;1merror:\u001b[0m a 'aarch64-linux' with features {} is required to build '/nix/store/x.drv', but I am a 'aarch64-darwin' with features {}";
    expect(stripAnsi(colored)).not.toContain('\u001b');
    expect(classifyStderr(colored).kind).toBe('missing-builder');
  });

  it('reads required features when the derivation asks for some', () => {
    const f = classifyStderr("error: a 'aarch64-linux' with features {kvm, nixos-test} is required to build '/nix/store/x.drv', but I am a 'aarch64-darwin' with features {}");
    expect(f).toMatchObject({ requiredFeatures: ['kvm', 'nixos-test'] });
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareExtractions } from './compare-extractions.ts';
import { extractQemuCommand, type StaticExtraction } from './extract-static.ts';
import { LAUNCHD_ENV } from './fixtures/upstream-argv.ts';
import { pickQemuSystem, readRecording, type RecordedInvocation } from './read-recording.ts';
import type { ShellEnv } from './shell-words.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const DIR = '/tmp/flakecase-recording-fixture';
// The environment the recording was captured in (fixtures/README.md).
const CAPTURE_ENV: ShellEnv = {
  vars: { ...LAUNCHD_ENV, TMPDIR: `${DIR}/run`, NIX_DISK_IMAGE: `${DIR}/nixos.qcow2`, KEYS: `${DIR}/keys`, QEMU_OPTS: '-machine gic-version=3' },
  args: ['-smp', '2'],
};

function staticSide(env: ShellEnv): StaticExtraction {
  const r = extractQemuCommand(fixture('run-nixos-vm.upstream-2024-12.sh'), env);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function recorded(): RecordedInvocation {
  const picked = pickQemuSystem(readRecording(fixture('recording.upstream-2024-12.jsonl')));
  if (!picked.ok) throw new Error(picked.error.message);
  return picked.value;
}

describe('compareExtractions: static vs recorded run of the same script', () => {
  it('agrees, with $(cat kernel-params) matched by what the run produced', () => {
    const result = compareExtractions(staticSide(CAPTURE_ENV), recorded());
    expect(result.diffs).toEqual([]);
    expect(result.equal).toBe(true);
    expect(result.program.equal).toBe(true);
    expect(result.wildcards).toEqual([{ staticIndex: 47, refs: [expect.stringMatching(/^\$\(cat .*kernel-params\)$/)], matched: [expect.stringMatching(/^ init=/)] }]);
  });

  it('lets an unknown, unquoted $QEMU_OPTS absorb any run of words', () => {
    const { QEMU_OPTS: _q, ...vars } = CAPTURE_ENV.vars;
    const result = compareExtractions(staticSide({ vars, args: ['-smp', '2'] }), recorded());
    expect(result.equal).toBe(true);
    expect(result.wildcards.find((w) => w.refs.includes('$QEMU_OPTS'))?.matched).toEqual(['-machine', 'gic-version=3']);
  });

  it('reports what the recording has that the static reading lacks', () => {
    const result = compareExtractions(staticSide({ ...CAPTURE_ENV, vars: { ...CAPTURE_ENV.vars, QEMU_OPTS: null } }), recorded());
    expect(result.equal).toBe(false);
    expect(result.diffs).toEqual([
      { kind: 'extra', dynamicIndex: 49, actual: '-machine' },
      { kind: 'extra', dynamicIndex: 50, actual: 'gic-version=3' },
    ]);
  });

  it('pairs a changed argument and ignores store hashes', () => {
    const dyn = recorded();
    const args = dyn.args.map((a) =>
      a === '3072' ? '4096' : a.replace('b9f5dsr4nz8zyp424bbcajy9k1bp91f9', '0000000000000000000000000000000a'),
    );
    const result = compareExtractions(staticSide(CAPTURE_ENV), { program: '/other/bin/qemu-system-aarch64', args });
    expect(result.program.equal).toBe(true);
    expect(result.diffs).toEqual([{ kind: 'changed', staticIndex: 7, dynamicIndex: 7, expected: '3072', actual: '4096' }]);
  });

  it('notices a different program', () => {
    const result = compareExtractions(staticSide(CAPTURE_ENV), { ...recorded(), program: 'qemu-system-x86_64' });
    expect(result.equal).toBe(false);
    expect(result.diffs).toEqual([]);
  });
});

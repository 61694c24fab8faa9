// Every flag, parsed in-process: what the runner receives, and what a usage error prints.
import { describe, expect, it } from 'vitest';
import { parseArgs, type ParsedArgs } from './args.ts';
import type { CliIO } from './io.ts';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIO = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env: {}, cwd: '/work' };
  return { value, out: () => out.join(''), err: () => err.join('') };
}

async function run(...argv: string[]): Promise<Extract<ParsedArgs, { kind: 'run' }>['options']> {
  const p = await parseArgs(argv, io().value, '1.2.3');
  if (p.kind !== 'run') throw new Error(`expected run, got ${JSON.stringify(p)}`);
  return p.options;
}

describe('parseArgs', () => {
  it('defaults: every case, every condition, stand-ins, ./cases', async () => {
    expect(await run()).toEqual({ filters: [], conditions: [], concurrency: undefined, json: undefined, junit: undefined, inputs: 'stand-ins', flakeInputs: {}, cases: 'cases' });
  });

  it('case filters, repeated --condition, --concurrency, --json, --junit, --cases', async () => {
    const o = await run('no-hvf', 'stale', '--condition', 'hvf', '-c', 'no-hvf', '--concurrency', '3', '--json', 'r.json', '--junit', 'r.xml', '--cases', 'my-cases');
    expect(o).toMatchObject({ filters: ['no-hvf', 'stale'], conditions: ['hvf', 'no-hvf'], concurrency: 3, json: 'r.json', junit: 'r.xml', cases: 'my-cases' });
  });

  it('--real-inputs and --offline choose the inputs', async () => {
    expect((await run('--real-inputs')).inputs).toBe('locked');
    expect((await run('--offline')).inputs).toBe('stand-ins');
  });

  it('--flake-input NAME=PATH, repeatable; the last one for a name wins', async () => {
    expect((await run('--flake-input', 'nixfiles=../nf', '--flake-input', 'other=/x=y', '--flake-input', 'nixfiles=.')).flakeInputs).toEqual({ nixfiles: '.', other: '/x=y' });
  });

  it('init with and without a folder', async () => {
    expect(await parseArgs(['init'], io().value, '1')).toEqual({ kind: 'init', dir: '.' });
    expect(await parseArgs(['init', '../nixfiles'], io().value, '1')).toEqual({ kind: 'init', dir: '../nixfiles' });
  });

  it('--help and --version print and exit 0', async () => {
    const h = io();
    expect(await parseArgs(['--help'], h.value, '1.2.3')).toEqual({ kind: 'exit', code: 0 });
    for (const flag of ['--condition', '--concurrency', '--json', '--junit', '--offline', '--real-inputs', '--flake-input', '--cases', '--version', 'init [dir]', 'Exit codes']) {
      expect(h.out()).toContain(flag);
    }
    const v = io();
    expect(await parseArgs(['--version'], v.value, '1.2.3')).toEqual({ kind: 'exit', code: 0 });
    expect(v.out()).toBe('1.2.3\n');
  });

  it.each([
    [['--concurrency', '0'], /--concurrency <n>' argument '0' is invalid\. expected a positive whole number/],
    [['--concurrency', 'two'], /argument 'two' is invalid/],
    [['--flake-input', 'nixfiles'], /expected NAME=PATH/],
    [['--offline', '--real-inputs'], /option '--offline' cannot be used with option '--real-inputs'/],
    [['--no-such-flag'], /unknown option '--no-such-flag'/],
    [['--json'], /option '--json <file>' argument missing/],
  ])('usage error %j exits 2 with the reason and a pointer to --help', async (argv, message) => {
    const e = io();
    expect(await parseArgs(argv, e.value, '1')).toEqual({ kind: 'exit', code: 2 });
    expect(e.err()).toMatch(message);
    expect(e.err()).toContain('(run flakecase --help for usage)');
  });
});

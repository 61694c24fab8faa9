// The README stays true: the quick start is the two documented commands and CI runs them,
// the case.yaml reference lists exactly the schema's keys, the troubleshooting section names
// every error code and class, every CLI flag is documented, and the example case.yaml loads.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NIX_ERROR_CODES } from '../nix/index.ts';
import { caseJsonSchema, ERROR_CLASSES, validateCase } from '../spec/index.ts';
import { parseArgs } from './args.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const read = (p: string) => readFileSync(join(REPO, p), 'utf8');
const readme = read('README.md');

function section(start: string, end: string): string {
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README has no section between ${start} and ${end}`);
  return readme.slice(a, b);
}

function heading(title: string): string {
  const a = readme.indexOf(`\n## ${title}\n`);
  if (a < 0) throw new Error(`README has no "## ${title}"`);
  const b = readme.indexOf('\n## ', a + 1);
  return readme.slice(a, b < 0 ? undefined : b);
}

/** Every key path in the JSON schema: objects' properties, `<name>` for maps, `[]` for lists. */
function schemaPaths(): string[] {
  const out = new Set<string>();
  const walk = (n: unknown, p: string) => {
    if (typeof n !== 'object' || n === null) return;
    const s = n as { anyOf?: unknown[]; properties?: Record<string, unknown>; additionalProperties?: unknown; items?: unknown };
    for (const a of s.anyOf ?? []) walk(a, p);
    for (const [k, v] of Object.entries(s.properties ?? {})) {
      const q = p ? `${p}.${k}` : k;
      out.add(q);
      walk(v, q);
    }
    if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${p}.<name>`);
    if (s.items) walk(s.items, `${p}[]`);
  };
  walk(caseJsonSchema(), '');
  return [...out].sort();
}

describe('README', () => {
  it('quick start: exactly the two commands, and what CI runs', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(heading('Quick start (Debian/Ubuntu with Node 20+)'))?.[1];
    expect(block).toBe('npm run cases\nnpm test\n');
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    // npm run cases = setup + the case suite; npm test = every vitest project.
    expect(scripts.cases).toBe('bash scripts/setup && vitest run --project cases');
    expect(scripts.test).toBe('vitest run');
    // .ci/run (CI on a fresh clone) runs the two documented commands verbatim, in order.
    const ci = read('.ci/run').split('\n').filter((l) => !l.startsWith('#'));
    expect(ci.indexOf('npm run cases')).toBeGreaterThan(-1);
    expect(ci.indexOf('npm test')).toBeGreaterThan(ci.indexOf('npm run cases'));
  });

  it('the case.yaml reference lists every schema key, and only those', () => {
    const table = section('<!-- reference:start', '<!-- reference:end');
    const documented = [...table.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(schemaPaths());
  });

  it('the example case.yaml loads without errors or warnings', () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(heading('Writing a case'))?.[1] ?? '';
    const v = validateCase(yaml, 'README.md');
    expect(v.ok ? [] : v.errors.map((e) => e.message)).toEqual([]);
    expect(v.warnings).toEqual([]);
  });

  it('troubleshooting names every nix code, error class, spec code and CLI code, and no others', () => {
    const text = section('<!-- troubleshooting:start', '<!-- troubleshooting:end');
    const specCodes = [...new Set(read('harness/spec/errors.ts').match(/'SPEC_[A-Z_]+'/g) ?? [])].map((s) => s.slice(1, -1));
    const cliCodes = [...new Set(read('harness/cli/errors.ts').match(/'E_[A-Z_]+'/g) ?? [])].map((s) => s.slice(1, -1));
    const expected = [...Object.values(NIX_ERROR_CODES), ...specCodes, ...cliCodes];
    expect(specCodes.length).toBeGreaterThan(10);
    expect(cliCodes.length).toBeGreaterThan(5);
    for (const code of expected) expect(text, code).toContain(`\`${code}\``);
    for (const cls of ERROR_CLASSES) expect(text, cls).toContain(`\`${cls}\``);
    const mentioned = [...new Set([...text.matchAll(/`((?:NIX|SPEC|E)_[A-Z_]+)`/g)].map((m) => m[1]))];
    expect(mentioned.filter((c) => !expected.includes(c as string))).toEqual([]);
  });

  it('documents every flag of --help', async () => {
    let help = '';
    await parseArgs(['--help'], { stdout: { write: (s: string) => (help += s) }, stderr: { write: () => true }, env: {}, cwd: REPO }, '0');
    const flags = [...new Set([...help.matchAll(/(?<![\w-])(--[a-z][a-z-]+)/g)].map((m) => m[1]))];
    expect(flags).toContain('--real-inputs');
    for (const f of flags) expect(readme, f).toContain(f);
  });

  it('links to files that exist', () => {
    for (const [, target] of readme.matchAll(/\]\(((?:docs|cases)\/[^)#]+)\)/g)) expect(existsSync(join(REPO, target ?? '')), target).toBe(true);
  });
});

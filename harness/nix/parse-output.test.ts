// Parsers on stdout/stderr captured from real runs (fixtures/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBuildJson, parseDryRun, parseShowDerivation } from './parse-output.ts';

const fixture = (v: string, name: string) => readFileSync(new URL(`./fixtures/${v}/${name}`, import.meta.url), 'utf8');

describe.each(['2.8.0', '2.26.3', '2.34.8'])('nix %s', (v) => {
  it('parses build --json into drv and outputs', () => {
    const [b, ...rest] = parseBuildJson(fixture(v, 'build-json.stdout'));
    expect(rest).toEqual([]);
    expect(b?.drvPath).toMatch(/^\/nix\/store\/[0-9a-z]{32}-.*\.drv$/);
    expect(b?.outputs.out).toMatch(/^\/nix\/store\/[0-9a-z]{32}-/);
  });

  it('parses the dry-run plan', () => {
    const plan = parseDryRun(fixture(v, 'dry-run.stderr'));
    expect(plan.toBuild).toHaveLength(2);
    expect(plan.toBuild.every((d) => d.endsWith('.drv'))).toBe(true);
    expect(plan.toFetch).toEqual([]);
  });

  it('parses the derivation JSON into absolute paths, system and name', () => {
    const m = parseShowDerivation(fixture(v, 'derivation-show.stdout'));
    expect(m.size).toBe(1);
    const [info] = [...m.values()];
    expect(info?.drvPath).toMatch(/^\/nix\/store\/[0-9a-z]{32}-hello\.drv$/);
    expect(info?.name).toBe('hello');
    expect(info?.system).toBe('aarch64-darwin');
    expect(info?.outputs.out).toMatch(/^\/nix\/store\/[0-9a-z]{32}-hello$/);
  });
});

describe('odd input', () => {
  it('gives empty values, never throws', () => {
    expect(parseBuildJson('not json')).toEqual([]);
    expect(parseBuildJson('["/nix/store/abc.drv"]')).toEqual([]);
    expect(parseShowDerivation('{').size).toBe(0);
    expect(parseDryRun('')).toEqual({ toBuild: [], toFetch: [] });
  });

  it('reads fetched paths with the size note', () => {
    const plan = parseDryRun('these 2 paths will be fetched (0.01 MiB download, 0.05 MiB unpacked):\n  /nix/store/aaa-x\n  /nix/store/bbb-y\n');
    expect(plan.toFetch).toEqual(['/nix/store/aaa-x', '/nix/store/bbb-y']);
  });
});

// cases/suite.yaml: settings for the whole suite. Today: what "upstream" publishes in the
// simulated binary cache (cache.nixos.org's role for the default linux-builder).
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const SuiteSchema = z.strictObject({
  'upstream-cache': z
    .array(
      z.strictObject({
        flake: z.string().describe('Directory of the flake upstream builds from, relative to suite.yaml.'),
        attribute: z.string().describe('Attribute upstream builds and publishes, with its closure.'),
      }),
    )
    .default([]),
});

export interface UpstreamEntry {
  readonly flakeDir: string;
  readonly attribute: string;
}

export interface SuiteConfig {
  readonly upstreamCache: readonly UpstreamEntry[];
}

export type SuiteConfigResult = { ok: true; value: SuiteConfig } | { ok: false; message: string };

export async function loadSuiteConfig(casesDir: string): Promise<SuiteConfigResult> {
  const file = join(casesDir, 'suite.yaml');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { ok: true, value: { upstreamCache: [] } };
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    return { ok: false, message: `${file}: ${(e as Error).message}` };
  }
  const r = SuiteSchema.safeParse(data ?? {});
  if (!r.success) {
    return { ok: false, message: r.error.issues.map((i) => `${file} ${i.path.join('.')}: ${i.message}`).join('\n') };
  }
  return {
    ok: true,
    value: { upstreamCache: r.data['upstream-cache'].map((e) => ({ flakeDir: resolve(casesDir, e.flake), attribute: e.attribute })) },
  };
}

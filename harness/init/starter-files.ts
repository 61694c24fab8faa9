// What `flakecase init` writes, as (path under cases/, source file) pairs: the starter cases
// in ./starter, plus copies of the schema and the offline stand-ins, which the starter's
// case.yaml files and suite.yaml refer to by relative path.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StarterFile {
  /** path relative to the cases/ folder being written */
  readonly to: string;
  /** absolute path of the file to copy */
  readonly from: string;
}

const here = fileURLToPath(new URL('.', import.meta.url));
export const STARTER_DIR = join(here, 'starter');
const REPO = join(here, '..', '..');
export const SCHEMA_FILE = join(REPO, 'harness', 'spec', 'case.schema.json');
export const STAND_INS_DIR = join(REPO, 'cases', 'stand-ins');

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

export async function starterFiles(): Promise<StarterFile[]> {
  const starter = (await filesUnder(STARTER_DIR)).map((from) => ({ to: relative(STARTER_DIR, from), from }));
  const standIns = (await filesUnder(STAND_INS_DIR)).map((from) => ({ to: join('stand-ins', relative(STAND_INS_DIR, from)), from }));
  return [...starter, { to: 'case.schema.json', from: SCHEMA_FILE }, ...standIns];
}

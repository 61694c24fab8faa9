// Reads the files that a condition's `outputs:` checks name, from the task's chroot store,
// before the store is removed. Facts only; judging them is the assertion module's job.
import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutputFacts } from '../result/index.ts';
import type { ResolvedOutputCheck } from '../spec/index.ts';

const MAX_CONTENT = 4 * 1024 * 1024;
const STORE_REF = /\/nix\/store\/[0-9a-df-np-sv-z]{32}-([^/\s"'`;:)$\\<>]+)/g;

export function storeReferences(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(STORE_REF)) if (m[1]) names.add(m[1]);
  return [...names];
}

export async function inspectOutput(
  storeRoot: string,
  check: ResolvedOutputCheck,
  outPath: string | undefined,
): Promise<OutputFacts> {
  const base = { target: check.target, path: check.path };
  if (outPath === undefined) return { ...base, storePath: undefined, exists: false, executable: false, content: undefined, references: [] };
  const storePath = check.path === '' ? outPath : `${outPath}/${check.path}`;
  const real = join(storeRoot, storePath);
  let st;
  try {
    st = await stat(real);
  } catch {
    return { ...base, storePath, exists: false, executable: false, content: undefined, references: [] };
  }
  const executable = st.isFile() && (await access(real, constants.X_OK).then(() => true, () => false)) && (st.mode & 0o111) !== 0;
  let content: string | undefined;
  if (st.isFile() && st.size <= MAX_CONTENT) content = await readFile(real, 'utf8').catch(() => undefined);
  return { ...base, storePath, exists: true, executable, content, references: content ? storeReferences(content) : [] };
}

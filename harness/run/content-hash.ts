// A hash of a directory's files (names and bytes), for cache keys that change exactly when
// the stand-ins change.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

async function files(root: string, dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await files(root, p, out);
    else if (e.isFile()) out.push(relative(root, p));
  }
}

export async function hashDirectory(root: string, extra = ''): Promise<string> {
  const list: string[] = [];
  await files(root, root, list);
  list.sort();
  const h = createHash('sha256').update(extra);
  for (const f of list) {
    h.update(`\0${f}\0`);
    h.update(await readFile(join(root, f)));
  }
  return h.digest('hex').slice(0, 32);
}

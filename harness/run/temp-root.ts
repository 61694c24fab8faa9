// Temporary directories for a run, and the guarantee that they go away: on success, failure,
// timeout, Ctrl-C (SIGINT/SIGTERM) and plain process exit. Chroot stores hold read-only store
// paths, so removal makes them writable first (a non-root user could not delete them otherwise).
import { chmodSync, existsSync, readdirSync, rmSync, lstatSync } from 'node:fs';
import { chmod, lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { dir } from 'tmp-promise';

const live = new Set<string>();
const controllers = new Set<AbortController>();
let hooked = false;

async function makeWritable(path: string): Promise<void> {
  let st;
  try {
    st = await lstat(path);
  } catch {
    return;
  }
  if (!st.isDirectory()) return;
  await chmod(path, 0o755).catch(() => undefined);
  const entries = await readdir(path).catch(() => [] as string[]);
  await Promise.all(entries.map((e) => makeWritable(join(path, e))));
}

function makeWritableSync(path: string): void {
  try {
    if (!lstatSync(path).isDirectory()) return;
    chmodSync(path, 0o755);
    for (const e of readdirSync(path)) makeWritableSync(join(path, e));
  } catch {
    // best effort: rm below reports what is left
  }
}

export async function removeTree(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true });
  } catch {
    await makeWritable(path);
    await rm(path, { recursive: true, force: true });
  }
  live.delete(path);
}

function removeAllSync(): void {
  for (const p of live) {
    try {
      rmSync(p, { recursive: true, force: true });
    } catch {
      makeWritableSync(p);
      try {
        rmSync(p, { recursive: true, force: true });
      } catch {
        // nothing more we can do at exit
      }
    }
    if (!existsSync(p)) live.delete(p);
  }
}

let stopping = false;

function onSignal(signal: NodeJS.Signals): void {
  // A terminal's Ctrl-C reaches every process in the group, and wrappers such as tsx relay it
  // again: the second one must not kill us halfway through the cleanup.
  if (stopping) return;
  stopping = true;
  for (const c of controllers) c.abort(new Error(`interrupted by ${signal}`));
  // nix may still be writing into a store while it dies (cancellation sends SIGTERM, then
  // SIGKILL after 3 s): retry removal until nothing is left or 6 s have passed, then leave
  // with the conventional status (128 + signal number).
  const deadline = Date.now() + 6000;
  const attempt = () => {
    removeAllSync();
    if (live.size > 0 && Date.now() < deadline) setTimeout(attempt, 200);
    else process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  setTimeout(attempt, 200);
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', removeAllSync);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** A new empty directory named flakecase-*, removed at exit at the latest. */
export async function makeTempRoot(label = 'run'): Promise<string> {
  hookExit();
  const d = await dir({ prefix: `flakecase-${label}-` });
  live.add(d.path);
  return d.path;
}

/** An AbortController that a Ctrl-C aborts; forget it with the returned function. */
export function interruptible(): { controller: AbortController; release: () => void } {
  hookExit();
  const controller = new AbortController();
  controllers.add(controller);
  return { controller, release: () => controllers.delete(controller) };
}

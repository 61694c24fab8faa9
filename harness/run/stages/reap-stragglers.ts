// "Nothing left running" after create-builder: the run carries a unique marker in its
// environment, which every process it starts inherits; afterwards any process still
// carrying it (a recorder that hung, a background job the script left) is one the harness
// started, found by /proc/<pid>/environ and killed by its pid. Linux only: elsewhere there is
// no /proc and the list is empty (the timeout still ends the direct child).
import { readdirSync, readFileSync } from 'node:fs';

export const MARKER_VAR = 'FLAKECASE_QEMU_STAGE';

export function findMarked(marker: string, procRoot = '/proc'): number[] {
  let entries: string[];
  try {
    entries = readdirSync(procRoot);
  } catch {
    return [];
  }
  const needle = `${MARKER_VAR}=${marker}\0`;
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      if (readFileSync(`${procRoot}/${entry}/environ`, 'latin1').includes(needle)) found.push(pid);
    } catch {
      // gone already, or not ours to read
    }
  }
  return found;
}

/** Kills (SIGKILL) every process still carrying the marker; returns their pids. */
export function reapMarked(marker: string): number[] {
  const pids = findMarked(marker);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // exited in between
    }
  }
  return pids;
}

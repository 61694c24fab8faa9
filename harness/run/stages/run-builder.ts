// The dynamic extraction's I/O: run the builder's create-builder with qemu recording instead
// of starting, and read what was recorded. It runs as
//   nix --store <task store> shell <builder out> -c create-builder
// (verified with Nix 2.8: the command runs in a namespace where /nix/store is the task's
// store, so the scripts' store paths resolve), through the NixAdapter so the command is
// recorded with the task's others and can be re-run as printed. Bounded by a timeout;
// whatever it started and left behind is killed afterwards (reap-stragglers.ts).
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CallContext, NixAdapter, NixError, NixSettings } from '../../nix/index.ts';
import { readRecording, type Recording } from '../../qemu/index.ts';
import type { BuilderEnv } from './builder-env.ts';
import { MARKER_VAR, reapMarked } from './reap-stragglers.ts';
import type { CopyPlan } from './recorder-copy.ts';

export interface RunBuilderInput {
  readonly nix: NixAdapter;
  readonly settings: NixSettings;
  readonly ctx: CallContext;
  readonly builderOut: string;
  /** A fresh directory: the working directory of create-builder, and where its files go. */
  readonly workspace: string;
  readonly env: BuilderEnv;
  /** Copies to run instead of the store's own scripts (real nixpkgs); undefined: run the store's. */
  readonly copy: CopyPlan | undefined;
  readonly timeoutMs: number;
}

export type RunBuilderResult =
  | { readonly ok: true; readonly recording: Recording; readonly stderr: string; readonly killed: readonly number[] }
  | { readonly ok: false; readonly error: NixError; readonly killed: readonly number[] };

/** Paths inside the workspace, shared with the static side (TMPDIR must be the same there). */
export function workspacePaths(workspace: string) {
  return {
    record: join(workspace, 'qemu.jsonl'),
    tmp: join(workspace, 'tmp'),
    hostBin: join(workspace, 'flakecase-host-bin'),
    sudoLog: join(workspace, 'sudo.log'),
  };
}

// create-builder runs `sudo install-credentials` when /etc/nix/builder_ed25519.pub differs
// from its key (nix-builder-vm.nix). That would write the host's /etc/nix: this sudo only
// notes the call and succeeds.
const SUDO_STUB = [
  '#!/bin/sh',
  '# flakecase stub for sudo: notes the call, runs nothing (install-credentials writes /etc/nix).',
  'printf "%s\\n" "sudo $*" >> "${FLAKECASE_SUDO_LOG:-/dev/null}"',
  'exit 0',
  '',
].join('\n');

/** Writes the script copies and stubs a CopyPlan lists. */
export async function writeCopyPlan(plan: CopyPlan): Promise<void> {
  for (const dir of plan.dirs) await mkdir(dir, { recursive: true });
  for (const f of plan.files) await writeFile(f.path, f.text, { mode: f.mode });
  for (const l of plan.symlinks) await symlink(l.target, l.path);
}

export async function runBuilder(input: RunBuilderInput): Promise<RunBuilderResult> {
  const paths = workspacePaths(input.workspace);
  await mkdir(paths.tmp, { recursive: true });
  await mkdir(paths.hostBin, { recursive: true });
  await writeFile(join(paths.hostBin, 'sudo'), SUDO_STUB, { mode: 0o755 });
  if (input.copy) await writeCopyPlan(input.copy);

  const marker = randomUUID();
  const env: Record<string, string> = {
    ...input.env.processEnv,
    FLAKECASE_QEMU_RECORD: paths.record,
    FLAKECASE_SUDO_LOG: paths.sudoLog,
    PATH: `${paths.hostBin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    [MARKER_VAR]: marker,
  };
  const command = input.copy ? input.copy.entry : 'create-builder';
  // The timeout ends nix shell (or what it exec'd), but a process the script left in the
  // background keeps the output pipes open and the run waiting: shortly after the timeout,
  // everything carrying the marker goes too.
  const killed: number[] = [];
  const reaper = setTimeout(() => killed.push(...reapMarked(marker)), input.timeoutMs + 250);
  try {
    const r = await input.nix.run(input.settings, ['shell', input.builderOut, '-c', command], {
      ...input.ctx,
      env,
      cwd: input.workspace,
      timeoutMs: input.timeoutMs,
    });
    clearTimeout(reaper);
    killed.push(...reapMarked(marker));
    if (!r.ok) return { ok: false, error: r.error, killed };
    const text = await readFile(paths.record, 'utf8').catch(() => '');
    return { ok: true, recording: readRecording(text), stderr: r.value.stderr, killed };
  } finally {
    clearTimeout(reaper);
    reapMarked(marker);
  }
}

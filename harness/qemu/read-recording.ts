/**
 * Dynamic extraction: reads what the recorder (recorder/qemu-recorder.sh, or the stand-in
 * qemu in cases/) wrote to $FLAKECASE_QEMU_RECORD: JSON Lines, one invocation each,
 *   {"program":"qemu-system-aarch64","args":[...]}
 * qemu-img calls land in the same file. Reading is tolerant: a line that is not JSON or not
 * of that shape becomes a typed problem with its line number, and the rest is still read.
 */

export interface RecordedInvocation {
  /** 1-based line in the recording. */
  readonly line: number;
  readonly program: string;
  readonly args: readonly string[];
}

export interface RecordingProblem {
  readonly line: number;
  readonly code: 'BAD_JSON' | 'BAD_SHAPE';
  readonly message: string;
  /** The offending line, cut to 200 characters. */
  readonly text: string;
}

export interface Recording {
  readonly invocations: readonly RecordedInvocation[];
  readonly problems: readonly RecordingProblem[];
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

export function readRecording(text: string): Recording {
  const invocations: RecordedInvocation[] = [];
  const problems: RecordingProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    const cut = trimmed.slice(0, 200);
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      problems.push({ line, code: 'BAD_JSON', message: (error as Error).message, text: cut });
      return;
    }
    const record = value as { program?: unknown; args?: unknown } | null;
    if (typeof record !== 'object' || record === null || typeof record.program !== 'string' || !isStringArray(record.args)) {
      problems.push({ line, code: 'BAD_SHAPE', message: 'expected {"program": string, "args": string[]}', text: cut });
      return;
    }
    invocations.push({ line, program: record.program, args: record.args });
  });
  return { invocations, problems };
}

const QEMU_SYSTEM = /(^|\/)qemu-system-[A-Za-z0-9_]+$/;

export type PickResult =
  | { readonly ok: true; readonly value: RecordedInvocation }
  | {
      readonly ok: false;
      readonly error: {
        readonly code: 'NO_QEMU_SYSTEM' | 'SEVERAL_QEMU_SYSTEM';
        readonly message: string;
        readonly candidates: readonly RecordedInvocation[];
      };
    };

/** The one qemu-system invocation in a recording (a run-nixos-vm execs exactly one). */
export function pickQemuSystem(recording: Recording, program: RegExp = QEMU_SYSTEM): PickResult {
  const candidates = recording.invocations.filter((inv) => program.test(inv.program));
  const [only] = candidates;
  if (candidates.length === 1 && only !== undefined) return { ok: true, value: only };
  if (candidates.length === 0) {
    const seen = [...new Set(recording.invocations.map((inv) => inv.program))].join(', ') || 'nothing';
    return {
      ok: false,
      error: { code: 'NO_QEMU_SYSTEM', message: `no qemu-system invocation recorded (saw: ${seen})`, candidates: recording.invocations },
    };
  }
  return {
    ok: false,
    error: { code: 'SEVERAL_QEMU_SYSTEM', message: `${candidates.length} qemu-system invocations recorded`, candidates },
  };
}

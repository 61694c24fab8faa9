// Reads the report vitest's `json` reporter writes (`--reporter=json --outputFile.json=F`):
//   { "success": bool, "numTotalTests": n, "testResults": [ { "name": "/abs/file.test.ts",
//     "status": "passed"|"failed", "message": "", "assertionResults": [ { "ancestorTitles":
//     ["nix 2.8.0", "darwin-hello"], "title": "darwin-hello › hvf", "status": "passed",
//     "duration": 123.4, "failureMessages": [] } ] } ] }
// Statuses come from vitest's StatusMap (vitest 4.1, packages/vitest/src/node/reporters/json.ts):
// pass→passed, fail→failed, skip→skipped, todo→todo, run/queued/only→pending. A file that failed
// to load has no assertionResults but status "failed" and a message: that must not vanish.
// Pure; extra fields are ignored so a newer vitest does not break the matrix.
import { z } from 'zod';
import type { Result, Status } from './status.ts';

export interface ReportedTest {
  /** describe blocks, outermost first */
  readonly ancestors: readonly string[];
  readonly title: string;
  readonly status: Status;
  /** vitest's own word, kept for messages (pending and todo both become skip) */
  readonly vitestStatus: string;
  readonly durationMs: number | null;
  readonly failureMessages: readonly string[];
}

export interface ReportedFile {
  readonly file: string;
  readonly failed: boolean;
  /** the file-level error (import failure, a hook that threw), '' when none */
  readonly message: string;
  readonly tests: readonly ReportedTest[];
}

export interface VitestReport {
  readonly success: boolean;
  readonly files: readonly ReportedFile[];
}

const assertion = z.looseObject({
  ancestorTitles: z.array(z.string()),
  title: z.string(),
  status: z.string(),
  duration: z.number().nullish(),
  failureMessages: z.array(z.string()).nullish(),
});

const report = z.looseObject({
  success: z.boolean(),
  testResults: z.array(
    z.looseObject({
      name: z.string(),
      status: z.string(),
      message: z.string().nullish(),
      assertionResults: z.array(assertion),
    }),
  ),
});

export function statusOf(vitestStatus: string): Status {
  switch (vitestStatus) {
    case 'passed':
      return 'pass';
    case 'failed':
      return 'fail';
    // skipped, todo, pending: the test did not run to an outcome.
    default:
      return 'skip';
  }
}

export function parseVitestReport(text: string, source: string): Result<VitestReport, string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${source}: not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const parsed = report.safeParse(data);
  if (!parsed.success) return { ok: false, error: `${source}: not a vitest JSON report:\n${z.prettifyError(parsed.error)}` };
  const files = parsed.data.testResults.map((f) => ({
    file: f.name,
    failed: f.status === 'failed',
    message: f.message ?? '',
    tests: f.assertionResults.map((a) => ({
      ancestors: a.ancestorTitles,
      title: a.title,
      status: statusOf(a.status),
      vitestStatus: a.status,
      durationMs: a.duration ?? null,
      failureMessages: a.failureMessages ?? [],
    })),
  }));
  return { ok: true, value: { success: parsed.data.success, files } };
}

// The one table from reporter names to classes; the type of valid names comes from it.
import { AnnotationsReporter } from './annotations.ts';
import { GithubSummaryReporter } from './github-summary.ts';
import { JsonReporter } from './json.ts';
import { JunitReporter } from './junit.ts';
import { PlainReporter } from './progress-plain.ts';
import { TtyReporter } from './progress-tty.ts';
import type { ReporterClass } from './reporter.ts';

export const REPORTERS = {
  tty: TtyReporter,
  plain: PlainReporter,
  json: JsonReporter,
  junit: JunitReporter,
  'github-summary': GithubSummaryReporter,
  'github-annotations': AnnotationsReporter,
} as const satisfies Record<string, ReporterClass>;

export type ReporterName = keyof typeof REPORTERS;
export const REPORTER_NAMES = Object.keys(REPORTERS) as ReporterName[];

// The written shape of case.yaml, as a zod schema. It is the single source: the TypeScript
// types are inferred from it and case.schema.json (for editors) is generated from it; a test
// keeps the committed JSON in step (npm run schema rewrites it).
import { z } from 'zod';
import { parseRange } from './version-range.ts';

export const ERROR_CLASSES = [
  'nix-missing',
  'eval-error',
  'missing-builder',
  'build-failed',
  'timeout',
  'builder-did-not-boot',
  'unknown',
] as const;

// Expectation strings may use {{cores}}; check the regex with a sample value in its place.
export function compileExpectationRegex(source: string, vars: Readonly<Record<string, string>>): RegExp {
  const text = source.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => vars[name] ?? m);
  return new RegExp(text, 'm');
}

const Regex = z.string().superRefine((s, ctx) => {
  try {
    compileExpectationRegex(s, { cores: '2' });
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(e as Error).message}` });
  }
});

const BuildOutcome = z.enum(['ok', 'fails']);

// A regex that differs on purpose between Nix releases: a map from a version range
// ('<2.34', '>=2.26 <2.34') to the regex for those versions.
const VersionedRegex = z.union([
  Regex,
  z.record(
    z.string().refine((k) => parseRange(k) !== undefined, { message: "not a Nix version range (write e.g. '<2.34' or '>=2.26 <2.34')" }),
    Regex,
  ),
]);

export const OutputCheckSchema = z
  .strictObject({
    target: z.string().optional().describe('Which target this check reads; optional when the case has one target.'),
    path: z.string().default('').describe('File inside the target output; empty means the output itself.'),
    exists: z.boolean().optional(),
    executable: z.boolean().optional(),
    matches: Regex.optional().describe('JS regex (multiline) that the file content must match; {{cores}} is substituted.'),
    'not-matches': Regex.optional().describe('JS regex that the file content must not match.'),
    references: Regex.optional().describe('Some /nix/store/<hash>-<name> in the file has a name matching this regex.'),
  })
  .describe('A check on one built output.');

export const ErrorExpectationSchema = z
  .strictObject({
    class: z.enum(ERROR_CLASSES).describe('The kind of failure flakecase classified.'),
    message: VersionedRegex.optional().describe('JS regex over the error text nix (or QEMU) printed; or a map from Nix version range to regex, where the wording differs between releases.'),
    system: z.string().optional().describe('missing-builder: the system that was required.'),
    drv: Regex.optional().describe("missing-builder / build-failed: regex on the derivation's name."),
    target: z.string().optional().describe('The target whose build fails; default: any target.'),
    stage: z
      .enum(['evaluate', 'build', 'boot', 'build-with-builder'])
      .optional()
      .describe('The stage that fails: build (no Linux builder yet), boot (the configured builder does not come up), build-with-builder.'),
  })
  .describe('The failure this condition must produce.');

export const QemuExpectationSchema = z
  .strictObject({
    target: z.string().optional().describe("Which target's create-builder to read."),
    accelerator: z.enum(['tcg', 'hvf', 'kvm', 'none']).optional(),
    boots: z.boolean().optional(),
    message: Regex.optional().describe("JS regex over the lines QEMU prints on this host."),
    machine: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe('Machine type and properties after merging every -machine option.'),
    cpu: z.string().optional(),
    smp: z.union([z.number().int().positive(), z.string()]).optional().describe('CPU count; may use {{cores}}.'),
    memory: z.number().int().positive().optional().describe('-m in MiB.'),
    'args-present': z.array(z.string()).optional().describe('argv elements that must be present, exactly.'),
    'args-absent': z.array(z.string()).optional().describe('Substrings no argv element may contain.'),
    snapshot: z.boolean().optional().describe('Compare the normalised argv with a vitest snapshot.'),
  })
  .describe('Expectations on the Linux builder qemu command line on this host.');

export const SimulateSchema = z
  .strictObject({
    like: z.enum(['hvf', 'no-hvf', 'no-builder']).optional().describe('The built-in condition to start from (default hvf).'),
    system: z.string().optional().describe('Host system nix pretends to be.'),
    hvf: z.enum(['available', 'unusable', 'absent']).optional(),
    qemu: z.string().optional().describe('QEMU version of the host, e.g. "9.2".'),
    builder: z.enum(['none', 'running', 'from-config']).optional(),
    cache: z.enum(['upstream', 'empty']).optional(),
    env: z.record(z.string(), z.string()).optional().describe('Environment the builder starts with, e.g. QEMU_OPTS.'),
  })
  .describe('Declares a condition of your own from the parts of a built-in one.');

export const ConditionSpecSchema = z
  .strictObject({
    description: z.string().optional(),
    simulate: SimulateSchema.optional(),
    build: z.union([BuildOutcome, z.record(z.string(), BuildOutcome)]).optional().describe('ok | fails for all targets, or per target.'),
    error: ErrorExpectationSchema.optional(),
    outputs: z.array(OutputCheckSchema).optional(),
    qemu: QemuExpectationSchema.optional(),
  })
  .describe('What must hold under one condition.');

const Targets = z.record(z.string(), z.string().min(1));

export const LinuxBuilderSchema = z
  .strictObject({
    package: z.string().describe("Target that is the configuration's nix.linux-builder.package (its output has bin/create-builder)."),
    machines: z.string().describe('Target whose output has etc/nix/machines, as the configuration writes it (usually the system).'),
  })
  .describe("Where this phase's configuration defines its Linux builder, for conditions whose builder comes from the configuration.");

export const PhaseSchema = z
  .strictObject({
    name: z.string().min(1),
    description: z.string().optional(),
    targets: Targets.describe('Name -> flake attribute path, built in this phase with whatever builder earlier phases left running.'),
    'linux-builder': LinuxBuilderSchema.optional(),
  })
  .describe('A later phase on the same simulated machine and store, e.g. building the real configuration after a bootstrap one.');

export const CaseSpecSchema = z
  .strictObject({
    description: z.string().min(1).describe('What the case shows and why.'),
    inputs: z.record(z.string(), z.string()).optional().describe('Flake inputs replaced offline: input name -> directory relative to case.yaml.'),
    targets: Targets.describe('Name -> flake output attribute path (no #), built in this order (the first phase).'),
    'linux-builder': LinuxBuilderSchema.optional(),
    phases: z.array(PhaseSchema).optional().describe('Further phases, in order, on the same machine; target names are unique across all phases.'),
    conditions: z.record(z.string(), ConditionSpecSchema).describe('Built-in (hvf, no-hvf, no-builder) or declared (with simulate:) conditions.'),
    timeout: z.number().positive().optional().describe('Seconds any one nix call may take (default 300).'),
  })
  .describe('A flakecase case: a flake and what must hold under each condition.');

export type WrittenCase = z.input<typeof CaseSpecSchema>;
export type ParsedCase = z.output<typeof CaseSpecSchema>;
export type ParsedConditionSpec = z.output<typeof ConditionSpecSchema>;
export type OutputCheck = z.output<typeof OutputCheckSchema>;
export type ErrorExpectation = z.output<typeof ErrorExpectationSchema>;
export type QemuExpectationSpec = z.output<typeof QemuExpectationSchema>;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

export function caseJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(CaseSpecSchema, { io: 'input', target: 'draft-7' }),
    $id: 'https://flakecase.invalid/case.schema.json',
    title: 'flakecase case.yaml',
  };
}

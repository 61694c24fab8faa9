// /etc/nix/machines as nix-darwin writes it for nix.linux-builder: one builder per line,
//   URI SYSTEMS SSH-KEY MAX-JOBS SPEED-FACTOR SUPPORTED-FEATURES MANDATORY-FEATURES HOST-KEY
// with comma-separated lists and '-' for "none" (Nix manual, "Remote Builds"; nix-darwin
// modules/nix/default.nix renders nix.buildMachines this way). Pure; bad lines are skipped
// with a note rather than thrown.

export interface BuildMachine {
  readonly uri: string;
  readonly systems: readonly string[];
  readonly sshKey: string | undefined;
  readonly maxJobs: number;
  readonly speedFactor: number;
  readonly supportedFeatures: readonly string[];
  readonly mandatoryFeatures: readonly string[];
}

const list = (field: string | undefined) => (field === undefined || field === '-' || field === '' ? [] : field.split(','));
const num = (field: string | undefined, fallback: number) => (field === undefined || field === '-' || !/^\d+$/.test(field) ? fallback : Number(field));

export function parseMachines(text: string): { machines: BuildMachine[]; problems: string[] } {
  const machines: BuildMachine[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const f = line.split(/\s+/);
    if (!f[0]) {
      problems.push(`line ${i + 1}: no builder URI`);
      return;
    }
    machines.push({
      uri: f[0],
      systems: list(f[1]),
      sshKey: f[2] === undefined || f[2] === '-' ? undefined : f[2],
      maxJobs: num(f[3], 1),
      speedFactor: num(f[4], 1),
      supportedFeatures: list(f[5]),
      mandatoryFeatures: list(f[6]),
    });
  });
  return { machines, problems };
}

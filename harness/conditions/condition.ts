// A condition is a simulated host, made of parts. The built-in three are the story's
// machines; a case may declare its own from the same parts (case.yaml `simulate:`).

/** What HVF does on that host: works (an Apple-silicon Mac), is compiled into QEMU but cannot be
 * used (a GitHub macOS runner without nested virtualization), or is not in QEMU at all (Linux). */
export type HvfProfile = 'available' | 'unusable' | 'absent';

/** The Linux builder: none at all; already running (a developer's Mac); or the one the
 * configuration under test enables, which exists only if it boots on this host. */
export type BuilderState = 'none' | 'running' | 'from-config';

/** What the binary cache holds: what upstream publishes (the default linux-builder), or nothing. */
export type CacheContents = 'upstream' | 'empty';

export interface ConditionParts {
  readonly system: string;
  readonly hvf: HvfProfile;
  /** QEMU release the host runs; undefined means the one the modelled nixpkgs ships. */
  readonly qemuVersion: string | undefined;
  readonly builder: BuilderState;
  /** Systems the Linux builder builds for, when there is one. */
  readonly builderSystems: readonly string[];
  readonly cache: CacheContents;
  /** Environment the builder is started with (QEMU_OPTS, as a launchd daemon would set it). */
  readonly env: Readonly<Record<string, string>>;
}

export interface Condition {
  readonly name: string;
  readonly description: string;
  readonly builtin: boolean;
  readonly parts: ConditionParts;
}

const MAC = { system: 'aarch64-darwin', qemuVersion: undefined, builderSystems: ['aarch64-linux'], env: {} } as const;

export const BUILTIN_CONDITIONS = {
  hvf: {
    name: 'hvf',
    description: "a developer's Apple-silicon Mac: HVF works and the Linux builder is already running",
    builtin: true,
    parts: { ...MAC, hvf: 'available', builder: 'running', cache: 'upstream' },
  },
  'no-hvf': {
    name: 'no-hvf',
    description: 'a GitHub Actions macOS runner: no nested virtualization (HVF unusable), no Linux builder at first',
    builtin: true,
    parts: { ...MAC, hvf: 'unusable', builder: 'from-config', cache: 'upstream' },
  },
  'no-builder': {
    name: 'no-builder',
    description: 'a fresh Apple-silicon Mac: HVF works, no Linux builder yet, only the upstream cache',
    builtin: true,
    parts: { ...MAC, hvf: 'available', builder: 'from-config', cache: 'upstream' },
  },
} as const satisfies Record<string, Condition>;

export type BuiltinConditionName = keyof typeof BUILTIN_CONDITIONS;
export const BUILTIN_CONDITION_NAMES = Object.keys(BUILTIN_CONDITIONS) as BuiltinConditionName[];

export function isBuiltinCondition(name: string): name is BuiltinConditionName {
  return Object.hasOwn(BUILTIN_CONDITIONS, name);
}

export interface ConditionOverrides {
  readonly like?: BuiltinConditionName | undefined;
  readonly system?: string | undefined;
  readonly hvf?: HvfProfile | undefined;
  readonly qemu?: string | undefined;
  readonly builder?: BuilderState | undefined;
  readonly cache?: CacheContents | undefined;
  readonly env?: Readonly<Record<string, string>> | undefined;
}

/** A declared condition: a built-in one (`like`, default hvf) with some parts replaced. */
export function declareCondition(name: string, description: string | undefined, o: ConditionOverrides): Condition {
  const base = BUILTIN_CONDITIONS[o.like ?? 'hvf'];
  const parts: ConditionParts = {
    ...base.parts,
    ...(o.system !== undefined ? { system: o.system } : {}),
    ...(o.hvf !== undefined ? { hvf: o.hvf } : {}),
    ...(o.qemu !== undefined ? { qemuVersion: o.qemu } : {}),
    ...(o.builder !== undefined ? { builder: o.builder } : {}),
    ...(o.cache !== undefined ? { cache: o.cache } : {}),
    env: { ...base.parts.env, ...(o.env ?? {}) },
  };
  return { name, description: description ?? `like ${base.name}, with ${Object.keys(o).filter((k) => k !== 'like').join(', ') || 'nothing'} changed`, builtin: false, parts };
}

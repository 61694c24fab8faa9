// Parsers for what nix prints on success: `build --json`, `--dry-run` plans and
// `show-derivation` / `derivation show` JSON. Pure; odd input gives an empty or partial value.

export interface BuiltPaths {
  readonly drvPath: string;
  readonly outputs: Readonly<Record<string, string>>;
}

const STORE = '/nix/store/';

// `nix derivation show` in recent releases prints store paths without the store dir.
function absolute(p: string): string {
  return p.startsWith('/') ? p : `${STORE}${p}`;
}

export function parseBuildJson(stdout: string): BuiltPaths[] {
  try {
    const data: unknown = JSON.parse(stdout);
    if (!Array.isArray(data)) return [];
    return data.flatMap((e: unknown) => {
      if (typeof e !== 'object' || e === null) return [];
      const { drvPath, outputs } = e as { drvPath?: unknown; outputs?: unknown };
      if (typeof drvPath !== 'string' || typeof outputs !== 'object' || outputs === null) return [];
      const outs: Record<string, string> = {};
      for (const [k, v] of Object.entries(outputs)) if (typeof v === 'string') outs[k] = absolute(v);
      return [{ drvPath: absolute(drvPath), outputs: outs }];
    });
  } catch {
    return [];
  }
}

export interface DryRunPlan {
  readonly toBuild: readonly string[];
  readonly toFetch: readonly string[];
}

// "this derivation will be built:" / "these 3 derivations will be built:" followed by indented
// paths; the same for "will be fetched" (with a size note after the colon's parenthesis).
export function parseDryRun(stderr: string): DryRunPlan {
  const toBuild: string[] = [];
  const toFetch: string[] = [];
  let current: string[] | undefined;
  for (const line of stderr.split('\n')) {
    if (/will be built:?\s*$/.test(line) || /will be built:/.test(line)) current = toBuild;
    else if (/will be fetched/.test(line)) current = toFetch;
    else if (/^\s+\/nix\/store\//.test(line) && current) current.push(line.trim());
    else if (line.trim() !== '') current = undefined;
  }
  return { toBuild, toFetch };
}

export interface DerivationInfo {
  readonly drvPath: string;
  readonly name: string;
  readonly system: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly inputDrvs: readonly string[];
}

export function parseShowDerivation(stdout: string): Map<string, DerivationInfo> {
  const out = new Map<string, DerivationInfo>();
  let data: unknown;
  try {
    data = JSON.parse(stdout);
  } catch {
    return out;
  }
  if (typeof data !== 'object' || data === null) return out;
  // Newer nix wraps the map as { derivations: {...}, version: N }.
  const map = (data as { derivations?: unknown }).derivations ?? data;
  if (typeof map !== 'object' || map === null) return out;
  for (const [key, value] of Object.entries(map as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null) continue;
    const v = value as { system?: unknown; name?: unknown; env?: { name?: unknown }; outputs?: unknown; inputDrvs?: unknown; inputs?: { drvs?: unknown } };
    const outputs: Record<string, string> = {};
    if (typeof v.outputs === 'object' && v.outputs !== null) {
      for (const [o, d] of Object.entries(v.outputs as Record<string, { path?: unknown }>)) {
        if (typeof d?.path === 'string') outputs[o] = absolute(d.path);
      }
    }
    const inputs = v.inputDrvs ?? v.inputs?.drvs;
    const drvPath = absolute(key);
    const name = typeof v.name === 'string' ? v.name : typeof v.env?.name === 'string' ? v.env.name : drvPath.slice(44, -4);
    out.set(drvPath, {
      drvPath,
      name,
      system: typeof v.system === 'string' ? v.system : '',
      outputs,
      inputDrvs: typeof inputs === 'object' && inputs !== null ? Object.keys(inputs).map(absolute) : [],
    });
  }
  return out;
}

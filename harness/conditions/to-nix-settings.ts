// Turns a condition into nix settings on an isolated store (nix-here.md, "Simulating the host").
import type { NixSettings } from '../nix/index.ts';
import type { ConditionParts } from './condition.ts';

export interface BinaryCache {
  /** file:///… URL of the seeded upstream cache */
  readonly uri: string;
  readonly publicKey: string;
}

export interface BuilderNow {
  /** Is a Linux builder serving builds at this point of the task? */
  readonly available: boolean;
}

export function conditionSettings(
  parts: ConditionParts,
  store: string,
  cache: BinaryCache | undefined,
  builder: BuilderNow,
): NixSettings {
  const useCache = parts.cache === 'upstream' && cache !== undefined;
  return {
    store,
    system: parts.system,
    // A running Linux builder is modelled as extra platforms the local nix may build for.
    extraPlatforms: builder.available ? parts.builderSystems : [],
    substituters: useCache ? [cache.uri] : [],
    ...(useCache ? { trustedPublicKeys: [cache.publicKey], requireSigs: true } : {}),
  };
}

/** Whether a builder serves builds from the first stage on. */
export function builderAtStart(parts: ConditionParts): BuilderNow {
  switch (parts.builder) {
    case 'running':
      return { available: true };
    case 'none':
    case 'from-config':
      return { available: false };
    default: {
      const never: never = parts.builder;
      return never;
    }
  }
}

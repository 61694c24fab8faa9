export {
  BUILTIN_CONDITIONS,
  BUILTIN_CONDITION_NAMES,
  declareCondition,
  isBuiltinCondition,
  type BuilderState,
  type BuiltinConditionName,
  type CacheContents,
  type Condition,
  type ConditionOverrides,
  type ConditionParts,
  type HvfProfile,
} from './condition.ts';
export { builderAtStart, conditionSettings, type BinaryCache, type BuilderNow } from './to-nix-settings.ts';

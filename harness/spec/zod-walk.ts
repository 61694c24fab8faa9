// Which keys a strict object at some document path accepts, read from the zod schema itself,
// so "did you mean" suggestions can never drift from what the loader allows.
import type { z } from 'zod';

type AnySchema = z.ZodType;

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  valueType?: AnySchema;
  element?: AnySchema;
  innerType?: AnySchema;
  in?: AnySchema;
  options?: AnySchema[];
}

function def(s: AnySchema): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const d = def(cur);
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable') && d.innerType) cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else break;
  }
  return cur;
}

function child(s: AnySchema, segment: PropertyKey): AnySchema | undefined {
  const d = def(unwrap(s));
  switch (d.type) {
    case 'object':
      return d.shape?.[String(segment)];
    case 'record':
      return d.valueType;
    case 'array':
      return d.element;
    case 'union':
      for (const o of d.options ?? []) {
        const c = child(o, segment);
        if (c) return c;
      }
      return undefined;
    default:
      return undefined;
  }
}

export function keysAt(root: AnySchema, path: readonly PropertyKey[]): string[] {
  let cur: AnySchema | undefined = root;
  for (const seg of path) {
    if (!cur) return [];
    cur = child(cur, seg);
  }
  if (!cur) return [];
  const d = def(unwrap(cur));
  return d.type === 'object' ? Object.keys(d.shape ?? {}) : [];
}

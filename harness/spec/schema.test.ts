import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseJsonSchema } from './schema.ts';

describe('case.schema.json', () => {
  // Editors validate with the JSON file, the loader with zod: they must be the same schema.
  it('is what the loader validates with (run `npm run schema` after changing schema.ts)', () => {
    const onDisk: unknown = JSON.parse(readFileSync(new URL('./case.schema.json', import.meta.url), 'utf8'));
    expect(onDisk).toEqual(caseJsonSchema());
  });
});

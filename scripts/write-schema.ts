// Regenerates harness/spec/case.schema.json from the zod schema (npm run schema).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { caseJsonSchema } from '../harness/spec/schema.ts';

const target = fileURLToPath(new URL('../harness/spec/case.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(caseJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);

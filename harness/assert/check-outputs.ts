// outputs: files in built outputs (exists, executable, content, store references).
import type { OutputFacts } from '../result/index.ts';
import { compileExpectationRegex, type ResolvedOutputCheck } from '../spec/index.ts';
import type { Mismatch } from './mismatch.ts';

function excerpt(content: string | undefined): string {
  if (content === undefined) return '(no readable content)';
  const lines = content.split('\n');
  return lines.length > 12 ? `${lines.slice(0, 12).join('\n')}\n… (${lines.length - 12} more lines)` : content;
}

export function checkOutputs(
  condition: string,
  checks: readonly ResolvedOutputCheck[],
  facts: readonly OutputFacts[],
  vars: Readonly<Record<string, string>>,
): Mismatch[] {
  const out: Mismatch[] = [];
  checks.forEach((check, i) => {
    const at = (key: string) => ['conditions', condition, 'outputs', check.index, key];
    const f = facts[i];
    const where = `${check.target}:${check.path || '(output)'}`;
    if (!f || f.storePath === undefined) {
      out.push({ path: at('target'), expected: `${where} to be inspected`, actual: `target ${check.target} has no output (it did not build)` });
      return;
    }
    const wantsContent = check.matches !== undefined || check['not-matches'] !== undefined || check.references !== undefined;
    const wantExists = check.exists ?? (wantsContent || check.executable !== undefined ? true : undefined);
    if (wantExists !== undefined && f.exists !== wantExists) {
      out.push({ path: at('exists'), expected: `${where} ${wantExists ? 'exists' : 'does not exist'}`, actual: `it ${f.exists ? 'exists' : 'does not exist'} (${f.storePath})` });
      return;
    }
    if (!f.exists) return;
    if (check.executable !== undefined && f.executable !== check.executable) {
      out.push({ path: at('executable'), expected: `${where} ${check.executable ? 'is' : 'is not'} executable`, actual: `it ${f.executable ? 'is' : 'is not'}` });
    }
    if (check.matches !== undefined && !(f.content !== undefined && compileExpectationRegex(check.matches, vars).test(f.content))) {
      out.push({ path: at('matches'), expected: `${where} matches /${check.matches}/`, actual: 'no match in:', detail: excerpt(f.content) });
    }
    if (check['not-matches'] !== undefined && f.content !== undefined) {
      const m = compileExpectationRegex(check['not-matches'], vars).exec(f.content);
      if (m) {
        const line = f.content.slice(0, m.index).split('\n').length;
        out.push({ path: at('not-matches'), expected: `${where} does not match /${check['not-matches']}/`, actual: `line ${line} does: ${f.content.split('\n')[line - 1] ?? ''}` });
      }
    }
    if (check.references !== undefined) {
      const re = compileExpectationRegex(check.references, vars);
      if (!f.references.some((r) => re.test(r))) {
        out.push({ path: at('references'), expected: `${where} references a store path named /${check.references}/`, actual: `it references: ${f.references.join(', ') || '(nothing)'}` });
      }
    }
  });
  return out;
}

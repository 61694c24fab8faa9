/**
 * Parses a qemu-system argv (without argv[0]) into typed options, in order, the way
 * system/vl.c qemu_init() walks it:
 * - an element not starting with `-` is a disk image (vl.c: drive_add(IF_DEFAULT, ...));
 * - `--foo` is `-foo` (vl.c lookup_opt);
 * - an option with an argument takes the NEXT element whatever it looks like (`-smp -qmp`
 *   makes "-qmp" the -smp argument); only at the end is it "requires an argument";
 * - unknown options are kept and flagged (QEMU itself stops with "-bogus: invalid option").
 * Problems are collected, never thrown; parsing continues after each one.
 */
import { lookupOption } from './qemu-option-table.ts';
import { parseSize } from './parse-size.ts';
import { splitKeyval, splitQemuOpts, type OptPair } from './split-option-string.ts';

interface Located {
  /** Index of the option flag in argv. */
  readonly index: number;
}

export type ParsedOption =
  | (Located & { readonly kind: 'flag'; readonly name: string; readonly flag: string })
  | (Located & { readonly kind: 'string'; readonly name: string; readonly flag: string; readonly value: string })
  | (Located & {
      readonly kind: 'opts';
      readonly name: string;
      readonly flag: string;
      readonly syntax: 'qemu-opts' | 'keyval';
      readonly raw: string;
      readonly id: string | null;
      readonly pairs: readonly OptPair[];
      readonly mergeLists: boolean;
    })
  | (Located & { readonly kind: 'json'; readonly name: string; readonly flag: string; readonly raw: string; readonly json: unknown })
  | (Located & {
      readonly kind: 'cpu';
      readonly name: 'cpu';
      readonly flag: string;
      readonly raw: string;
      readonly model: string;
      readonly props: readonly OptPair[];
    })
  | (Located & { readonly kind: 'positional'; readonly value: string })
  | (Located & { readonly kind: 'unknown'; readonly flag: string; readonly message: string });

export type ParseProblemCode = 'MISSING_ARGUMENT' | 'BAD_OPTION_STRING' | 'BAD_JSON' | 'BAD_SIZE' | 'UNKNOWN_OPTION';

export interface ParseProblem {
  readonly code: ParseProblemCode;
  readonly index: number;
  readonly flag: string;
  /** QEMU's wording where it has one, prefixed like its error location (`-m 3x: ...`). */
  readonly message: string;
}

export interface ParsedCommandLine {
  readonly argv: readonly string[];
  readonly options: readonly ParsedOption[];
  readonly problems: readonly ParseProblem[];
}

// target/arm cpu_common_parse_features(): "model,key=value,..." where every feature needs '='.
function splitCpu(raw: string): { model: string; props: OptPair[] } {
  const [model = '', ...rest] = raw.split(',');
  const props = rest
    .filter((part) => part.length > 0)
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0
        ? { key: part, value: '', implied: false, shortForm: true }
        : { key: part.slice(0, eq), value: part.slice(eq + 1), implied: false, shortForm: false };
    });
  return { model, props };
}

export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const options: ParsedOption[] = [];
  const problems: ParseProblem[] = [];
  let i = 0;
  while (i < argv.length) {
    const index = i;
    const element = argv[i] ?? '';
    i += 1;
    if (!element.startsWith('-')) {
      options.push({ kind: 'positional', value: element, index });
      continue;
    }
    const spec = lookupOption(element);
    if (spec === null) {
      const message = `${element}: invalid option`;
      options.push({ kind: 'unknown', flag: element, index, message });
      problems.push({ code: 'UNKNOWN_OPTION', index, flag: element, message });
      continue;
    }
    const { name, arg } = spec;
    if (arg.kind === 'none') {
      options.push({ kind: 'flag', name, flag: element, index });
      continue;
    }
    const value = argv[i];
    if (value === undefined) {
      problems.push({ code: 'MISSING_ARGUMENT', index, flag: element, message: `${element}: requires an argument` });
      continue;
    }
    i += 1;
    const where = `${element} ${value}`;
    switch (arg.kind) {
      case 'string':
        options.push({ kind: 'string', name, flag: element, value, index });
        break;
      case 'cpu':
        options.push({ kind: 'cpu', name: 'cpu', flag: element, raw: value, index, ...splitCpu(value) });
        break;
      case 'qemu-opts':
      case 'keyval': {
        if (arg.json === true && value.startsWith('{')) {
          try {
            options.push({ kind: 'json', name, flag: element, raw: value, json: JSON.parse(value) as unknown, index });
          } catch (error) {
            problems.push({ code: 'BAD_JSON', index, flag: element, message: `${where}: ${(error as Error).message}` });
          }
          break;
        }
        const split = arg.kind === 'keyval' ? splitKeyval(value, arg.impliedKey) : splitQemuOpts(value, arg.impliedKey);
        if (!split.ok) {
          problems.push({ code: 'BAD_OPTION_STRING', index, flag: element, message: `${where}: ${split.error.message}` });
          break;
        }
        const mergeLists = arg.kind === 'qemu-opts' && arg.mergeLists;
        options.push({
          kind: 'opts',
          name,
          flag: element,
          syntax: arg.kind,
          raw: value,
          id: split.value.id,
          pairs: split.value.pairs,
          mergeLists,
          index,
        });
        // vl.c qemu_mem_opts "size" is QEMU_OPT_SIZE: validated when the option is parsed.
        if (name === 'm') {
          for (const pair of split.value.pairs.filter((p) => p.key === 'size' || p.key === 'maxmem')) {
            const size = parseSize(pair.value, 1, pair.key);
            if (!size.ok) problems.push({ code: 'BAD_SIZE', index, flag: element, message: `${where}: ${size.error.message}` });
          }
        }
        break;
      }
      default: {
        const never: never = arg;
        throw new Error(`unhandled option kind ${JSON.stringify(never)}`);
      }
    }
  }
  return { argv, options, problems };
}

/** Options of one canonical name, in argv order. */
export function optionsNamed<K extends ParsedOption['kind']>(
  parsed: ParsedCommandLine,
  name: string,
  kind?: K,
): Array<Extract<ParsedOption, { kind: K }>> {
  return parsed.options.filter(
    (o): o is Extract<ParsedOption, { kind: K }> => 'name' in o && o.name === name && (kind === undefined || o.kind === kind),
  );
}

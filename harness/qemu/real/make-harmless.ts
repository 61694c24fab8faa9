/**
 * Rewrites a builder's qemu argv so real QEMU can start it here without touching anything:
 * store-path kernels, initrds, disks and shares become stand-ins in a workspace, host port
 * forwards and foreign sockets go, and the VM is created but never run (-S), with a QMP
 * socket to ask it questions. Pure: it returns the new argv and the stand-in files to create.
 *
 * Each change is listed, so a cross-check that fails can say what was altered. What stays:
 * -machine, -cpu, -smp, -m, -accel, devices, -append: the things being checked.
 */
import { parseCommandLine, type ParsedOption } from '../parse-command-line.ts';
import { lookupOption } from '../qemu-option-table.ts';
import type { OptPair } from '../split-option-string.ts';

export interface StandIn {
  readonly path: string;
  readonly kind: 'file' | 'dir';
  /** Bytes of zeros for files. QEMU refuses an empty -kernel ("could not load kernel"). */
  readonly size: number;
}

export interface HarmlessLine {
  readonly argv: readonly string[];
  readonly standIns: readonly StandIn[];
  readonly qmpSocket: string;
  readonly changes: readonly string[];
}

export interface HarmlessOptions {
  /** A fresh directory the caller owns (keep it short: unix socket paths max out near 108 bytes). */
  readonly workspace: string;
  /** Put first, e.g. `-L <prefix>/usr/share/qemu` for an unpacked QEMU. */
  readonly extraArgs?: readonly string[];
}

const escapeValue = (v: string): string => v.replace(/,/g, ',,');

/** Writes pairs back in QemuOpts syntax: implied value first, then key=value, then id. */
export function formatQemuOpts(pairs: readonly OptPair[], id: string | null): string {
  const parts = pairs.map((p) => (p.implied ? escapeValue(p.value) : `${p.key}=${escapeValue(p.value)}`));
  if (id !== null) parts.push(`id=${escapeValue(id)}`);
  return parts.join(',');
}

// Options that make QEMU write files, open sockets, or leave the foreground.
const DROP = new Set(['qmp', 'qmp-pretty', 'monitor', 'mon', 'daemonize', 'pidfile', 'serial', 'parallel', 'gdb', 's', 'D', 'incoming', 'loadvm', 'dtb', 'bios', 'tpmdev', 'display', 'vnc', 'spice']);
// hostfwd/guestfwd bind host ports or run commands; smb runs smbd.
const NETDEV_DROP_KEYS = new Set(['hostfwd', 'guestfwd', 'smb', 'tftp', 'bootfile']);

export function makeHarmless(argv: readonly string[], options: HarmlessOptions): HarmlessLine {
  const ws = options.workspace.replace(/\/+$/, '');
  const parsed = parseCommandLine(argv);
  const out: string[] = [...(options.extraArgs ?? [])];
  const standIns: StandIn[] = [];
  const changes: string[] = [];
  let counter = 0;
  const standIn = (kind: StandIn['kind'], name: string, size = 0): string => {
    counter += 1;
    const path = `${ws}/${name}-${counter}`;
    standIns.push({ path, kind, size });
    return path;
  };
  const emit = (option: ParsedOption, value?: string): void => {
    out.push('flag' in option ? option.flag : option.value);
    if (value !== undefined) out.push(value);
  };

  // Walk argv by position so options QEMU would refuse (parse problems) pass through verbatim:
  // the cross-check must show QEMU the same mistake the model saw.
  const byIndex = new Map(parsed.options.map((o) => [o.index, o]));
  for (let i = 0; i < argv.length; ) {
    const option = byIndex.get(i);
    if (option === undefined) {
      const takesArg = lookupOption(argv[i] ?? '')?.arg.kind !== 'none' && (argv[i] ?? '').startsWith('-');
      out.push(...argv.slice(i, takesArg ? i + 2 : i + 1));
      i += takesArg ? 2 : 1;
      continue;
    }
    i += option.kind === 'flag' || option.kind === 'unknown' || option.kind === 'positional' ? 1 : 2;
    handle(option);
  }

  function handle(option: ParsedOption): void {
    if (option.kind === 'positional') {
      changes.push(`dropped disk image argument ${option.value}`);
      return;
    }
    if (option.kind === 'unknown' || option.kind === 'flag') {
      if (option.kind === 'flag' && option.name === 'daemonize') changes.push('dropped -daemonize');
      else emit(option);
      return;
    }
    if (DROP.has(option.name)) {
      changes.push(`dropped ${option.flag}`);
      return;
    }
    if (option.kind === 'string') {
      if (option.name === 'kernel' || option.name === 'initrd') {
        emit(option, standIn('file', option.name, 4096));
        changes.push(`${option.flag} -> stand-in file`);
      } else emit(option, option.value);
      return;
    }
    if (option.kind === 'opts' && option.syntax === 'qemu-opts') {
      emit(option, rewriteOpts(option, standIn, changes, ws));
      if (option.name === 'device' && option.pairs.some((p) => p.key === 'tpmdev')) changes.push('kept a device that references a dropped -tpmdev');
      return;
    }
    emit(option, option.raw);
  }

  const qmpSocket = `${ws}/qmp.sock`;
  out.push('-S', '-qmp', `unix:${qmpSocket},server=on,wait=off`, '-display', 'none');
  // No iPXE ROMs here ("failed to find romfile efi-virtio.rom" on Debian 7.2 without ipxe-qemu).
  out.push('-global', 'virtio-net-pci.romfile=');
  changes.push('added -S, -qmp, -display none, -global virtio-net-pci.romfile=');
  return { argv: out, standIns, qmpSocket, changes };
}

function rewriteOpts(
  option: Extract<ParsedOption, { kind: 'opts' }>,
  standIn: (kind: StandIn['kind'], name: string, size?: number) => string,
  changes: string[],
  workspace: string,
): string {
  let pairs = [...option.pairs];
  const replace = (key: string, make: () => string): void => {
    pairs = pairs.map((p) => (p.key === key ? { ...p, value: make() } : p));
  };
  switch (option.name) {
    case 'drive':
      if (pairs.some((p) => p.key === 'file')) {
        replace('file', () => standIn('file', 'drive', 1024 * 1024));
        changes.push(`-drive ${option.id ?? ''} file -> stand-in`);
      }
      if (!pairs.some((p) => p.key === 'format')) pairs.push({ key: 'format', value: 'raw', implied: false, shortForm: false });
      break;
    case 'virtfs':
    case 'fsdev':
      replace('path', () => standIn('dir', 'share'));
      changes.push(`${option.flag} path -> stand-in directory`);
      break;
    case 'netdev': {
      const type = pairs.find((p) => p.key === 'type')?.value;
      if (type !== 'user') {
        changes.push(`-netdev ${type ?? '?'} -> user`);
        pairs = [{ key: 'type', value: 'user', implied: true, shortForm: false }];
      }
      const before = pairs.length;
      pairs = pairs.filter((p) => !NETDEV_DROP_KEYS.has(p.key));
      if (pairs.length < before) changes.push('-netdev: dropped host forwards');
      break;
    }
    case 'chardev':
      if (pairs.some((p) => p.key === 'path')) {
        // A socket QEMU listens on itself, in the workspace, never a host service's socket.
        replace('path', () => `${workspace}/chardev-${option.index}.sock`);
        pairs = pairs.filter((p) => p.key !== 'server' && p.key !== 'wait');
        pairs.push({ key: 'server', value: 'on', implied: false, shortForm: false }, { key: 'wait', value: 'off', implied: false, shortForm: false });
        changes.push('-chardev path -> listening socket in the workspace');
      }
      break;
    default:
      return option.raw;
  }
  return formatQemuOpts(pairs, option.id);
}

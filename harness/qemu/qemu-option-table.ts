/**
 * Which qemu-system options take an argument, and how QEMU parses that argument.
 *
 * Source: qemu/qemu `qemu-options.hx` (HAS_ARG flags) and `system/vl.c` qemu_init()'s option
 * switch (stored copy at commit 00cfbdcbe16dd1af2af8aba0584a2acf2b4d8ce6, QEMU 9.x/10.x line;
 * the same table holds for 7.2, checked against Debian's 7.2.22 binary on this machine).
 *
 * - `qemu-opts`: util/qemu-option.c QemuOpts. `impliedKey` is the list's implied_opt_name used
 *   when vl.c calls qemu_opts_parse_noisily(..., permit_abbrev=true); `-drive` passes false.
 *   Bare `foo` means foo=on and `nofoo` foo=off (deprecated short form, still accepted).
 * - `keyval`: util/keyval.c keyval_parse_into(); since QEMU 6.x `-machine` goes here
 *   (vl.c: `keyval_parse_into(machine_opts_dict, optarg, "type", ...)`). A bare word after the
 *   first is an error ("Expected '=' after parameter 'highmem'", verified on 7.2).
 * - `mergeLists`: QemuOptsList.merge_lists; repeated options merge into one, last key wins.
 */

export type OptionArgKind =
  | { kind: 'none' }
  | { kind: 'string' }
  | { kind: 'cpu' }
  | { kind: 'qemu-opts'; impliedKey: string | null; mergeLists: boolean; json?: boolean }
  | { kind: 'keyval'; impliedKey: string; json?: boolean };

export interface OptionSpec {
  /** Canonical name without the leading dash (`machine` for `-M` too). */
  readonly name: string;
  readonly arg: OptionArgKind;
}

const none = { kind: 'none' } as const;
const str = { kind: 'string' } as const;
const opts = (impliedKey: string | null, mergeLists = false, json = false): OptionArgKind => ({
  kind: 'qemu-opts',
  impliedKey,
  mergeLists,
  ...(json ? { json } : {}),
});

// Aliases QEMU defines as separate DEF() entries that vl.c handles in one case.
const ALIASES: Readonly<Record<string, string>> = { M: 'machine' };

const TABLE: Readonly<Record<string, OptionArgKind>> = {
  // vl.c: keyval_parse_into(machine_opts_dict, optarg, "type", ...)
  machine: { kind: 'keyval', impliedKey: 'type' },
  // qom/object_interfaces.c user_creatable_parse_str(): keyval with implied "qom-type", or JSON
  object: { kind: 'keyval', impliedKey: 'qom-type', json: true },
  audio: { kind: 'keyval', impliedKey: 'driver' },
  audiodev: { kind: 'keyval', impliedKey: 'driver', json: true },
  blockdev: { kind: 'keyval', impliedKey: 'driver', json: true },
  // vl.c qemu_mem_opts: implied "size", merge_lists
  m: opts('size', true),
  // vl.c qemu_smp_opts: implied "cpus", merge_lists; merged into the machine's "smp" dict
  smp: opts('cpus', true),
  boot: opts('order', true),
  accel: opts('accel'),
  netdev: opts('type', false, true),
  net: opts('type'),
  nic: opts('type'),
  device: opts('driver', false, true),
  // vl.c: qemu_opts_parse_noisily(qemu_find_opts("drive"), optarg, false): no implied key
  drive: opts(null),
  virtfs: opts('fsdriver'),
  fsdev: opts('fsdriver'),
  chardev: opts('backend'),
  name: opts('guest', true),
  numa: opts('type'),
  tpmdev: opts('type'),
  mon: opts('chardev'),
  rtc: opts(null, true),
  icount: opts('shift', true),
  overcommit: opts(null, true),
  msg: opts(null, true),
  action: opts(null, true),
  'fw_cfg': opts('name'),
  'add-fd': opts(null),
  smbios: opts('type'),
  sandbox: opts('enable', true),
  trace: opts('enable', true),
  plugin: opts('file'),
  acpitable: opts(null),
  'option-rom': opts('romfile'),
  'run-with': opts(null, true),
  // target/*: parse_cpu_option(): "model,prop=value,..." (not QemuOpts)
  cpu: { kind: 'cpu' },
  // plain strings
  kernel: str, initrd: str, append: str, dtb: str, shim: str, bios: str, L: str,
  serial: str, monitor: str, qmp: str, 'qmp-pretty': str, pidfile: str, D: str, d: str,
  k: str, vga: str, hda: str, hdb: str, hdc: str, hdd: str, cdrom: str, fda: str, fdb: str,
  mtdblock: str, sd: str, pflash: str, incoming: str, loadvm: str, uuid: str, gdb: str,
  parallel: str, debugcon: str, 'watchdog-action': str, g: str, echr: str, usbdevice: str,
  set: str, global: str, seed: str, 'mem-path': str, display: str, vnc: str, spice: str,
  dfilter: str, 'device-dump': str, readconfig: str, writeconfig: str, 'semihosting-config': str,
  // no argument
  nographic: none, S: none, s: none, snapshot: none, 'no-reboot': none, 'no-shutdown': none,
  'enable-kvm': none, nodefaults: none, 'no-user-config': none, nouserconfig: none,
  daemonize: none, usb: none, 'full-screen': none, 'mem-prealloc': none, version: none,
  h: none, help: none, preconfig: none, 'no-fd-bootchk': none, 'win2k-hack': none,
  'only-migratable': none, perfmap: none, jitdump: none, semihosting: none,
  'no-hpet': none, 'no-acpi': none, 'enable-sync-profile': none,
};

/** Looks an option up by the name after its dash(es); QEMU treats `--foo` like `-foo` (vl.c lookup_opt). */
export function lookupOption(flag: string): OptionSpec | null {
  const bare = flag.replace(/^--?/, '');
  const name = ALIASES[bare] ?? bare;
  const arg = TABLE[name];
  return arg ? { name, arg } : null;
}

/** True for every option name the table knows (canonical names). */
export function knownOptionNames(): readonly string[] {
  return Object.keys(TABLE);
}

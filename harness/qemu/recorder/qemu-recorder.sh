#!/bin/sh
# flakecase qemu recorder: a stand-in for qemu-system-* and qemu-img, for running real
# nixpkgs run-nixos-vm / create-builder scripts without starting a VM.
#
# Contract (harness/qemu/read-recording.ts reads it): every invocation appends ONE line of
# JSON to the file named by $FLAKECASE_QEMU_RECORD:
#   {"program":"qemu-system-aarch64","args":["-machine","virt,gic-version=2",...]}
# "program" is $FLAKECASE_QEMU_PROGRAM if set, else the name this script was run as, so put
# it on PATH or in place of the store paths as symlinks named qemu-system-aarch64 and
# qemu-img. It then exits 0 (or $FLAKECASE_QEMU_RECORDER_EXIT), so `exec qemu ...` ends the
# script normally. Only POSIX sh and awk are used: it must run under /bin/sh on macOS and
# under busybox in a Nix sandbox.
set -u

record=${FLAKECASE_QEMU_RECORD:-}
if [ -z "$record" ]; then
  echo "qemu-recorder: FLAKECASE_QEMU_RECORD is not set; nothing recorded" >&2
  exit 70
fi
program=${FLAKECASE_QEMU_PROGRAM:-${0##*/}}

# Prints $1 as a JSON string. awk reads the value from the environment, so no character of
# it is interpreted; backslash, quote and control characters are escaped.
json_string() {
  FLAKECASE_JSON_VALUE=$1 awk 'BEGIN {
    s = ENVIRON["FLAKECASE_JSON_VALUE"]
    for (i = 1; i < 32; i++) ctl[sprintf("%c", i)] = sprintf("\\u%04x", i)
    ctl["\n"] = "\\n"; ctl["\t"] = "\\t"; ctl["\r"] = "\\r"
    out = "\""
    n = length(s)
    for (i = 1; i <= n; i++) {
      c = substr(s, i, 1)
      if (c == "\\") out = out "\\\\"
      else if (c == "\"") out = out "\\\""
      else if (c in ctl) out = out ctl[c]
      else out = out c
    }
    printf "%s\"", out
  }'
}

line="{\"program\":$(json_string "$program"),\"args\":["
sep=
for arg do
  line="$line$sep$(json_string "$arg")"
  sep=,
done
line="$line]}"

# One printf per invocation: a single append, so parallel invocations do not interleave.
printf '%s\n' "$line" >> "$record" || exit 71
exit "${FLAKECASE_QEMU_RECORDER_EXIT:-0}"

# Stand-ins for the host programs create-builder calls: openssh's ssh-keygen writes a
# plausible ed25519 key pair, nix's nix-store --add prints a store path (it adds
# nothing), and `flakecase.host-sudo` records instead of running (macOS' /usr/bin/sudo is
# not part of nixpkgs; a harness puts it on PATH to run create-builder without touching
# the real /etc/nix).
{ lib, runCommand, runtimeShell, coreutils, mkRecorder }:
let
  script = name: prog: text: runCommand name { inherit text; passAsFile = [ "text" ]; } ''
    mkdir -p $out/bin
    { printf '#!%s\n' ${runtimeShell}; cat "$textPath"; } > $out/bin/${prog}
    chmod +x $out/bin/${prog}
  '';
  cu = "${coreutils}/bin";
in
{
  openssh = script "openssh-9.9p1" "ssh-keygen" ''
    # flakecase stand-in for ssh-keygen: only `-f FILE [-C COMMENT]` key generation.
    file=
    comment=
    while [ "$#" -gt 0 ]; do
      case $1 in
        -f) file=$2; shift 2 ;;
        -C) comment=$2; shift 2 ;;
        -t|-N) shift 2 ;;
        *) shift ;;
      esac
    done
    if [ -z "$file" ]; then echo "ssh-keygen (flakecase stand-in): -f FILE is required" >&2; exit 1; fi
    blob=$( { printf '\000\000\000\013ssh-ed25519\000\000\000\040'; ${cu}/head -c 32 /dev/urandom; } | ${cu}/base64 -w 0)
    printf -- '-----BEGIN OPENSSH PRIVATE KEY-----\nflakecase stand-in key, not usable\n-----END OPENSSH PRIVATE KEY-----\n' > "$file"
    ${cu}/chmod 600 "$file"
    printf 'ssh-ed25519 %s %s\n' "$blob" "$comment" > "$file.pub"
  '';

  nix = script "nix-2.24.10" "nix-store" ''
    # flakecase stand-in for nix-store: `--add PATH` prints a plausible store path.
    if [ "''${1:-}" != "--add" ] || [ -z "''${2:-}" ]; then
      echo "nix-store (flakecase stand-in): only --add PATH is supported" >&2; exit 1
    fi
    sum=$( { ${cu}/ls -laR "$2" 2>/dev/null; ${cu}/cat "$2"/* 2>/dev/null; } | ${cu}/sha256sum | ${cu}/cut -c 1-32 | ${cu}/tr 'eotu' 'wxyz')
    printf '/nix/store/%s-%s\n' "$sum" "$(${cu}/basename "$2")"
  '';

  host-sudo = mkRecorder {
    name = "flakecase-host-sudo";
    envVar = "FLAKECASE_SUDO_RECORD";
    programs = [ "sudo" ];
  };
}

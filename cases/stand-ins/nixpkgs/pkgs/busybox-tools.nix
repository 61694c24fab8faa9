# Host tools made of busybox applets: each package is a bin/ of symlinks to /bin/busybox
# (which dispatches on argv[0]), so scripts reference /nix/store/<hash>-coreutils-*/bin/mkdir
# as upstream's do. /bin/busybox is in the build sandbox (sandbox-paths) and on the host
# that runs the scripts. bash is a two-line script because busybox has no `bash` applet.
{ lib, system }:
let
  # Built without the stdenv stand-in: it is the stdenv's own tool set.
  applets' = name: list: { inherit name; script = ''
      /bin/busybox mkdir -p $out/bin
      for a in ${if list == null then "$(/bin/busybox --list)" else lib.concatStringsSep " " list}; do
        /bin/busybox ln -s /bin/busybox $out/bin/$a
      done
    ''; };
  build = { name, script }: derivation {
    inherit name system;
    builder = "/bin/sh";
    args = [ "-ec" script ];
  };
  applets = name: list: build (applets' name list);

  # wrappers: { applet = { "--long" = "-s"; ... }; }
  withLongOptions = base: wrappers: build (base // {
    script = base.script + lib.concatStrings (lib.mapAttrsToList (applet: map: ''
      /bin/busybox rm $out/bin/${applet}
      /bin/busybox cat > $out/bin/${applet} <<'WRAPPER'
      #!/bin/busybox sh
      # flakecase: GNU long options for busybox ${applet}
      n=$#
      while [ "$n" -gt 0 ]; do
        a=$1; shift; n=$((n - 1))
        case $a in
          ${lib.concatStrings (lib.mapAttrsToList (long: short: "${long}) set -- \"$@\" ${short} ;; ") map)}
          --) set -- "$@" -- ;;
          *) set -- "$@" "$a" ;;
        esac
      done
      exec /bin/busybox ${applet} "$@"
      WRAPPER
      /bin/busybox chmod +x $out/bin/${applet}
    '') wrappers);
  });
in
rec {
  # Everything stdenv's initial PATH offers upstream (coreutils, findutils, diffutils,
  # gnused, gnugrep, gawk, gnutar, gzip, ...), as busybox applets.
  stdenvTools = applets "stdenv-tools" null;

  # GNU long options upstream's scripts use (`rm --force --`, `mkdir --parent`) mapped to
  # busybox's short ones by tiny wrappers; every other applet is a plain symlink.
  coreutils = withLongOptions (applets' "coreutils-9.5" [
    "basename" "cat" "chgrp" "chmod" "chown" "cp" "cut" "date" "dd" "df" "dirname" "du" "echo" "env"
    "expr" "false" "head" "id" "install" "ln" "ls" "md5sum" "mkdir" "mktemp" "mv" "nproc" "od"
    "printf" "pwd" "readlink" "realpath" "rm" "rmdir" "seq" "sha256sum" "sleep" "sort" "stat" "tail"
    "tee" "test" "touch" "tr" "true" "truncate" "uname" "uniq" "wc" "yes" "base64" "timeout"
  ]) {
    rm = { "--force" = "-f"; "--recursive" = "-r"; "--interactive" = "-i"; };
    mkdir = { "--parent" = "-p"; "--parents" = "-p"; "--mode" = "-m"; };
    cp = { "--recursive" = "-r"; "--force" = "-f"; "--dereference" = "-L"; "--no-dereference" = "-P"; };
  };
  gnused = applets "gnused-4.9" [ "sed" ];
  gnugrep = applets "gnugrep-3.11" [ "grep" "egrep" "fgrep" ];
  diffutils = applets "diffutils-3.10" [ "cmp" "diff" ];
  findutils = applets "findutils-4.10.0" [ "find" "xargs" ];
  gawk = applets "gawk-5.3.1" [ "awk" ];

  bash = derivation {
    name = "bash-5.2p37";
    inherit system;
    builder = "/bin/sh";
    args = [ "-ec" ''
      /bin/busybox mkdir -p $out/bin
      printf '#!/bin/busybox sh\nexec /bin/busybox sh "$@"\n' > $out/bin/bash
      /bin/busybox chmod +x $out/bin/bash
      /bin/busybox ln -s /bin/busybox $out/bin/sh
    '' ];
  } // { shellPath = "/bin/bash"; };
}

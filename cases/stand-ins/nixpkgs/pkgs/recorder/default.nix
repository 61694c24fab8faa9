# Recording stand-ins (the contract is in docs/stand-ins.md): `mkRecorder` makes a package
# whose bin/<program> records its argv instead of running. qemu is one, with
# qemu-system-aarch64 and qemu-img recording to $FLAKECASE_QEMU_RECORD.
{ lib, runCommand, runtimeShell, gnused }:
let
  render = { program, envVar, afterRecord ? "" }:
    builtins.replaceStrings [ "@program@" "@envVar@" "@sed@" "@afterRecord@" ]
      [ program envVar "${gnused}/bin/sed" afterRecord ]
      (builtins.readFile ./recorder.sh);

  mkRecorder = { name, envVar, programs, after ? { } }:
    let var = p: "script_${lib.replaceStrings [ "-" "." ] [ "_" "_" ] p}"; in
    runCommand name ({
      passAsFile = map var programs;
    } // lib.listToAttrs (map (p: lib.nameValuePair (var p)
      ("#!${runtimeShell}\n" + render { program = p; inherit envVar; afterRecord = after.${p} or ""; })) programs)) ''
      mkdir -p $out/bin
      ${lib.concatMapStrings (p: let v = "${var p}Path"; in ''
        cp "''$${v}" $out/bin/${p}
        chmod +x $out/bin/${p}
      '') programs}
    '';
in
{
  inherit mkRecorder;
  qemu = name: mkRecorder {
    inherit name;
    envVar = "FLAKECASE_QEMU_RECORD";
    programs = [ "qemu-system-aarch64" "qemu-system-x86_64" "qemu-img" ];
    after.qemu-img = builtins.readFile ./qemu-img-after.sh;
  };
}

# runCommand and the write* builders with nixpkgs' signatures and output layout
# (pkgs/build-support/trivial-builders/default.nix): text goes through passAsFile,
# writeShellScriptBin puts `#!<runtimeShell>` on the first line and the script in bin/.
{ lib, stdenv, runtimeShell }:
rec {
  runCommandWith = { name, derivationArgs ? { }, runLocal ? false }: buildCommand:
    stdenv.mkDerivation ({
      inherit name buildCommand;
      enableParallelBuilding = true;
      passAsFile = [ "buildCommand" ] ++ (derivationArgs.passAsFile or [ ]);
    } // lib.optionalAttrs runLocal { preferLocalBuild = true; allowSubstitutes = false; }
      // removeAttrs derivationArgs [ "passAsFile" ]);

  runCommand = name: env: runCommandWith { inherit name; derivationArgs = env; };
  runCommandLocal = name: env: runCommandWith { inherit name; derivationArgs = env; runLocal = true; };
  runCommandNoCC = runCommand;

  writeTextFile = { name, text, executable ? false, destination ? "", checkPhase ? "", meta ? { },
                    allowSubstitutes ? false, preferLocalBuild ? true, derivationArgs ? { } }:
    runCommand name ({
      inherit text executable checkPhase allowSubstitutes preferLocalBuild meta;
      passAsFile = [ "text" ];
    } // derivationArgs) ''
      target=$out${lib.escapeShellArg destination}
      mkdir -p "$(dirname "$target")"
      if [ -e "$textPath" ]; then mv "$textPath" "$target"; else printf '%s' "$text" > "$target"; fi
      if [ -n "$executable" ]; then chmod +x "$target"; fi
      eval "$checkPhase"
    '';

  writeText = name: text: writeTextFile { inherit name text; };
  writeTextDir = path: text: writeTextFile { inherit text; name = builtins.baseNameOf path; destination = "/${path}"; };
  writeScript = name: text: writeTextFile { inherit name text; executable = true; };
  writeScriptBin = name: text: writeTextFile { inherit name text; executable = true; destination = "/bin/${name}"; meta.mainProgram = name; };
  writeShellScript = name: text: writeTextFile {
    inherit name;
    executable = true;
    text = ''
      #!${runtimeShell}
      ${text}
    '';
    checkPhase = ''${stdenv.shellDryRun} "$target"'';
  };
  writeShellScriptBin = name: text: writeTextFile {
    inherit name;
    executable = true;
    destination = "/bin/${name}";
    text = ''
      #!${runtimeShell}
      ${text}
    '';
    checkPhase = ''${stdenv.shellDryRun} "$target"'';
    meta.mainProgram = name;
  };

  symlinkJoin = { name, paths, ... }@args: runCommand name (removeAttrs args [ "name" "paths" ] // { inherit paths; }) ''
    mkdir -p $out
    for p in $paths; do cp -rs --no-preserve=mode "$p"/. $out/ 2>/dev/null || cp -r "$p"/. $out/; done
  '';

  # nixpkgs' closureInfo: the store paths of the closure of rootPaths, from Nix's
  # exportReferencesGraph (its `registration` here is the path list, not a Nix DB dump).
  closureInfo = { rootPaths }: runCommand "closure-info" {
    exportReferencesGraph = lib.concatLists (lib.imap0 (i: p: [ "closure-${toString i}" p ]) rootPaths);
  } ''
    mkdir -p $out
    cat closure-* | grep '^/nix/store/' | sort -u > $out/store-paths
    cp $out/store-paths $out/registration
  '';
}

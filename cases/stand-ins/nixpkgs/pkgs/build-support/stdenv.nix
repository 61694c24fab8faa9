# A stdenv stand-in: mkDerivation without phases (buildCommand only), with nixpkgs'
# result shape (`overrideAttrs`, `meta`, `passthru`, passthru attributes on the result)
# because the story's override and nix-builder-vm.nix's overrideAttrs rely on it.
{ lib, system, stdenvTools, shell }:
let
  platform = lib.systems.elaborate system;

  mkDerivation = attrs0:
    let
      make = attrs:
        let
          passthru = attrs.passthru or { };
          meta = attrs.meta or { };
          name = attrs.name or "${attrs.pname}-${attrs.version}";
          env = removeAttrs attrs [ "passthru" "meta" "pos" ] // {
            inherit name system stdenvTools;
            builder = "/bin/sh";
            args = [ "-e" ./setup.sh ];
          };
          drv = derivation env;
          # nixpkgs: overrideAttrs takes `prev: {..}` or `final: prev: {..}`.
          overrideAttrs = f:
            let r = f attrs; new = if lib.isFunction r then f attrs attrs else r;
            in make (attrs // new);
        in
        drv // { inherit meta passthru overrideAttrs; drvAttrs = env; } // passthru;
    in make attrs0;
in
{
  inherit mkDerivation system shell;
  hostPlatform = platform;
  buildPlatform = platform;
  targetPlatform = platform;
  inherit (platform) isDarwin isLinux;
  # nixpkgs' writeShellScript checks syntax with `bash -n`; busybox sh has -n too.
  shellDryRun = "${shell} -n";
}

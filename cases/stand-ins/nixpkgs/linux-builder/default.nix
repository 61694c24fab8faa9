# darwin.linux-builder, with the shape of nixpkgs pkgs/top-level/darwin-packages.nix
# (late 2024, see docs/stand-ins.md): makeOverridable over `{ modules }`, a NixOS-like
# evaluation of the nix-builder-vm profile plus `modules`, and the profile's
# `system.build.macos-builder-installer` (bin/create-builder) as the result.
# `layout` picks which upstream revision's script chain is produced; it is not one of
# the overridable arguments, so overrides keep upstream's `{ modules }` shape.
{ lib, pkgs, pkgsFor, layout ? ./layouts/2024-11.nix }:
lib.makeOverridable ({ modules }:
  let
    toGuest = builtins.replaceStrings [ "darwin" ] [ "linux" ];
    nixos = import ./eval-nixos.nix {
      inherit lib pkgsFor layout;
      configuration = {
        imports = [ ./modules/nix-builder-vm.nix ] ++ modules;
        virtualisation.host = { inherit pkgs; };
        nixpkgs.hostPlatform = lib.mkDefault (toGuest pkgs.stdenv.hostPlatform.system);
      };
    };
  in
  nixos.config.system.build.macos-builder-installer) { modules = [ ]; }

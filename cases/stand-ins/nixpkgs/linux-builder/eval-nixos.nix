# A NixOS-like evaluation (nixos/lib/eval-config.nix reduced): the base options of
# ./modules/base.nix, the selected script layout, then the configuration.
{ lib, pkgsFor, layout, configuration }:
lib.evalModules {
  specialArgs = { inherit pkgsFor; modulesPath = toString ./modules; };
  modules = [
    ./modules/base.nix
    ./modules/users-services.nix
    layout
    configuration
  ];
}

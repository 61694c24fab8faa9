# flakecase stand-in for nixpkgs: a small lib (module system, makeOverridable, ...) and
# package set (runCommand, write*, a recording qemu, darwin.linux-builder) written in this
# project for offline runs. Cases reach it only through --override-input nixpkgs; on a
# machine with network they use the real nixpkgs. Modelled revision: docs/stand-ins.md.
{
  description = "flakecase offline stand-in for nixpkgs";

  outputs = { self }:
    let
      lib = import ./lib;
      systems = [ "aarch64-darwin" "x86_64-darwin" "aarch64-linux" "x86_64-linux" ];
      # One package set per system, shared: the guest side of darwin.linux-builder uses
      # the aarch64-linux set, the host side the set it was taken from.
      pkgsFor = system: self.legacyPackages.${system};
    in
    {
      inherit lib;
      legacyPackages = lib.genAttrs systems (system: import ./pkgs { inherit lib system pkgsFor; });
    };
}

# flakecase stand-in for nix-darwin: `lib.darwinSystem` over a small module set with the
# real option names, and `nix.linux-builder` in modules/nix/linux-builder.nix (a harness
# can swap that one file for upstream's, see docs/stand-ins.md). Used offline only,
# through --override-input nix-darwin; its nixpkgs input follows the case's.
{
  description = "flakecase offline stand-in for nix-darwin";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";

  outputs = { self, nixpkgs }: {
    lib.darwinSystem = import ./eval-config.nix { inherit nixpkgs; };
    darwinModules = { };
  };
}

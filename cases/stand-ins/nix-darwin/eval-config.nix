# lib.darwinSystem, as nix-darwin's flake exposes it: { modules, specialArgs ? {},
# system ? null (deprecated upstream in favour of nixpkgs.hostPlatform), ... } evaluated
# with the module list; the result has `config`, `options`, `pkgs` and `system`
# (= config.system.build.toplevel).
{ nixpkgs }:
{ modules, specialArgs ? { }, system ? null, inputs ? { }, ... }:
let
  lib = nixpkgs.lib;
  eval = lib.evalModules {
    modules = import ./modules/module-list.nix
      ++ lib.optional (system != null) { nixpkgs.hostPlatform = lib.mkDefault system; }
      ++ modules;
    specialArgs = { inherit nixpkgs; } // specialArgs;
    class = "darwin";
  };
in
{
  inherit (eval) config options;
  pkgs = eval._module.args.pkgs;
  system = eval.config.system.build.toplevel;
}

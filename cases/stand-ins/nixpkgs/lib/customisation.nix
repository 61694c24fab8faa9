# makeOverridable, modelled on nixpkgs lib/customisation.nix (see docs/stand-ins.md for the
# revision): the result mirrors the wrapped function's arguments, `.override` takes an
# attrset or a function of the previous arguments, and the overridden result is itself
# overridable. `overrideAttrs`/`overrideDerivation` re-wrap the result the same way.
{ lib }:
let
  inherit (builtins) isAttrs;
in
rec {
  makeOverridable = f:
    let
      keepArgs = lib.mirrorFunctionArgs f;
    in
    keepArgs (origArgs:
      let
        result = f origArgs;
        withNew = newArgs: origArgs // (if lib.isFunction newArgs then newArgs origArgs else newArgs);
        # Post-process the result while keeping it overridable by the original arguments.
        onResult = g: makeOverridable (keepArgs (args: g (f args))) origArgs;
        override = newArgs: makeOverridable f (withNew newArgs);
      in
      if isAttrs result then
        result // {
          inherit override;
          overrideDerivation = fdrv: onResult (x: overrideDerivation x fdrv);
        } // lib.optionalAttrs (result ? overrideAttrs) {
          overrideAttrs = fa: onResult (x: x.overrideAttrs fa);
        }
      else if lib.isFunction result then
        lib.setFunctionArgs result (lib.functionArgs result) // { inherit override; }
      else result);

  # Re-run `derivation` with changed attributes (nixpkgs' overrideDerivation, simplified:
  # it only works on derivations that keep their arguments in `drvAttrs`).
  overrideDerivation = drv: f:
    let newDrv = derivation (drv.drvAttrs // f drv.drvAttrs);
    in drv // newDrv // { drvAttrs = drv.drvAttrs // f drv.drvAttrs; };

  callPackageWith = autoArgs: fn: args:
    let
      f = if lib.isFunction fn then fn else import fn;
      auto = builtins.intersectAttrs (lib.functionArgs f) autoArgs;
    in makeOverridable f (auto // args);
}

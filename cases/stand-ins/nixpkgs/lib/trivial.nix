# Small helpers every other lib file leans on. Names follow nixpkgs lib/trivial.nix;
# the bodies are this stand-in's own.
{ lib }:
let
  inherit (builtins) isAttrs isFunction functionArgs;
in
rec {
  id = x: x;
  const = x: _: x;
  flip = f: a: b: f b a;
  pipe = builtins.foldl' (x: f: f x);
  min = a: b: if a < b then a else b;
  max = a: b: if a > b then a else b;
  boolToString = b: if b then "true" else "false";
  warn = msg: builtins.trace "warning: ${msg}";
  warnIf = cond: msg: if cond then warn msg else x: x;
  throwIf = cond: msg: if cond then throw msg else x: x;
  throwIfNot = cond: msg: if cond then x: x else throw msg;

  # A functor attrset (`{ __functor; }`) counts as a function, as in nixpkgs.
  isFunction = f: builtins.isFunction f || (isAttrs f && f ? __functor && isFunction (f.__functor f));

  # Argument sets of functors are carried in `__functionArgs` (nixpkgs lib/trivial.nix).
  functionArgs = f:
    if isAttrs f && f ? __functor
    then f.__functionArgs or (functionArgs (f.__functor f))
    else builtins.functionArgs f;

  setFunctionArgs = f: args: { __functor = self: f; __functionArgs = args; };

  mirrorFunctionArgs = f: g: setFunctionArgs g (functionArgs f);

  toHexString = n:
    let
      digits = "0123456789ABCDEF";
      go = m: if m < 16 then builtins.substring m 1 digits else go (m / 16) + builtins.substring (m - (m / 16) * 16) 1 digits;
    in go n;

  # nixpkgs' flake sets versionSuffix from the revision; a stand-in has none.
  version = "25.05pre-git";
  release = "25.05";
  versionSuffix = "pre-git";
}

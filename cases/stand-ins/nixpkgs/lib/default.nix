# The stand-in nixpkgs `lib`: a fixed point over the files beside this one, exposing the
# names nixpkgs' lib has at the top level (and `lib.types`, `lib.options`, ...).
let
  lib =
    let
      callLib = file: import file { inherit lib; };
      trivial = callLib ./trivial.nix;
      lists = callLib ./lists.nix;
      attrsets = callLib ./attrsets.nix;
      strings = callLib ./strings.nix;
      meta = callLib ./meta.nix;
      customisation = callLib ./customisation.nix;
      options = callLib ./options.nix;
      generators = callLib ./generators.nix;
      systems = callLib ./systems.nix;
      modulesProperties = callLib ./modules/properties.nix;
      modulesCollect = callLib ./modules/collect.nix;
      modulesEval = callLib ./modules/eval.nix;
      optionModules = callLib ./modules/option-modules.nix;
      types = callLib ./types.nix;
    in
    trivial // lists // attrsets // strings // meta // customisation // options
    // modulesProperties // optionModules // {
      inherit trivial lists attrsets strings meta customisation options generators systems types
        modulesProperties modulesCollect modulesEval;
      modules = modulesProperties // optionModules // { inherit (modulesEval) evalModules; };
      inherit (modulesEval) evalModules;
      inherit (strings) toString;
      inherit (builtins) isAttrs isList isString isInt isBool isFloat isPath typeOf seq deepSeq
        tryEval trace abort throw baseNameOf dirOf pathExists readFile hashString;
      mergeAttrs = a: b: a // b;
      fix = f: let x = f x; in x;
      extends = overlay: f: final: let prev = f final; in prev // overlay final prev;
      fakeHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    };
in
lib

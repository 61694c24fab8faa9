# Loading modules and their imports (nixpkgs lib/modules.nix collectModules, simplified):
# a module is a path, a function of module arguments, or an attrset; each gets a key so a
# file imported twice is evaluated once, and `disabledModules` drops modules by key.
{ lib }:
let
  inherit (builtins) isAttrs isPath isString attrNames removeAttrs concatMap filter elem;

  shorthandReserved = [ "_class" "_file" "key" "disabledModules" "imports" "options" "config" "meta" "freeformType" ];

  # Full form has `options` or `config`; otherwise every other attribute is config.
  unify = file: key: m:
    let
      config0 = if m ? config || m ? options then m.config or { } else removeAttrs m shorthandReserved;
      config = if m ? freeformType
        then lib.mkMerge [ config0 { _module.freeformType = m.freeformType; } ]
        else config0;
    in {
      _file = toString (m._file or file);
      key = toString (m.key or key);
      disabledModules = m.disabledModules or [ ];
      imports = m.imports or [ ];
      options = m.options or { };
      inherit config;
    };

  isPathLike = m: isPath m || (isString m && lib.hasPrefix "/" m);
in
{
  # args: the lazy module arguments for a function module `f`.
  collectModules = { modules, moduleArgs, rootFile ? "<unknown-file>" }:
    let
      load = parentFile: parentKey: index: m:
        if isPathLike m then
          let file = toString m; v = import m; in
          unify file file (if lib.isFunction v then v (moduleArgs v) else v)
        else if lib.isFunction m then
          unify parentFile "${parentKey}:anon-${toString index}" (m (moduleArgs m))
        else if isAttrs m then
          unify parentFile "${parentKey}:anon-${toString index}" m
        else throw "Module imports can only be paths, functions or attrsets; got a ${builtins.typeOf m} in ${parentFile}";

      start = lib.imap1 (i: m: load rootFile "" i m) modules;
      children = mod: lib.imap1 (i: m: load mod._file mod.key i m) mod.imports;

      # Breadth first through builtins.genericClosure, as nixpkgs' collectModules does:
      # list-typed options concatenate definitions in this order, so it decides, e.g.,
      # where a user's `virtualisation.qemu.options` land on the qemu line.
      closure = map (item: item.mod) (builtins.genericClosure {
        startSet = map (mod: { key = mod.key; inherit mod; }) start;
        operator = item: map (mod: { key = mod.key; inherit mod; }) (children item.mod);
      });

      disabledKeys = map toString (concatMap (mod: mod.disabledModules) closure);
    in
    filter (mod: !(elem mod.key disabledKeys)) closure;
}

# evalModules: a subset of nixpkgs lib/modules.nix. Supported: imports, options (nested,
# declared in several modules), config merged by priority (mkDefault/mkForce/mkOverride),
# mkIf/mkMerge pushed down through attrsets, mkOrder, `apply`, `_module.args`,
# `_module.freeformType`, `specialArgs`, and `config`/`options`/`lib` as arguments.
# Undeclared definitions fail as upstream ("The option `x' does not exist") unless a
# freeform type takes them.
{ lib }:
let
  inherit (builtins) attrNames isAttrs concatMap filter length head mapAttrs listToAttrs elem foldl' any all;
  inherit (lib.modulesProperties) pushDownProperties dischargeProperties filterOverrides sortProperties mkOptionDefault;
  inherit (lib.modulesCollect) collectModules;
  inherit (lib.options) isOption showOption showDefs;
  types = lib.types;

  # Several declarations of one option: later attributes win, except that submodule-ish
  # types extend each other (nixpkgs' typeMerge, for the cases that occur here).
  combineDecls = loc: decls:
    let
      opts = map (d: d.value) decls;
      merged = foldl' (a: b: a // b) { } opts;
      typed = filter (o: o ? type) opts;
      extend = t: o:
        let r = if t ? typeMerge then t.typeMerge o.type else null; in
        if r != null then r
        else throw "The option `${showOption loc}' in ${lib.concatMapStringsSep " and " (d: "`${d.file}'") decls} is declared with types that cannot be merged (`${t.description}' and `${o.type.description}').";
      type = if typed == [ ] then types.unspecified else foldl' extend (head typed).type (builtins.tail typed);
    in merged // { inherit type; declarations = map (d: d.file) decls; };

  # declaration tree: namespaces are attrsets, leaves are { __optionDecls = [ ... ]; }.
  declTree = loc: decls:
    let names = lib.unique (concatMap (d: attrNames d.value) decls);
    in listToAttrs (map (n:
      let sub = concatMap (d: if d.value ? ${n} then [ { inherit (d) file; value = d.value.${n}; } ] else [ ]) decls;
      in lib.nameValuePair n (
        if any (d: isOption d.value) sub
        then { __optionDecls = filter (d: isOption d.value) sub; }
        else declTree (loc ++ [ n ]) sub)) names);

  mergeDefinitions = loc: type: defs:
    let
      discharged = concatMap (d: map (v: { inherit (d) file; value = v; }) (dischargeProperties d.value)) defs;
      winners = filterOverrides discharged;
      final = if any (d: isAttrs d.value && (d.value._type or "") == "order") winners.values
        then sortProperties winners.values else winners.values;
      isDefined = final != [ ];
      checked = if all (d: type.check d.value) final then final
        else let bad = head (filter (d: !(type.check d.value)) final); in
          throw "A definition for option `${showOption loc}' is not of type `${type.description}'. Definition values:${showDefs [ bad ]}";
      mergedValue = if isDefined then type.merge loc checked
        else throw "The option `${showOption loc}' is used but not defined.";
    in {
      inherit isDefined mergedValue;
      inherit (winners) highestPrio;
      defsFinal = final;
      optionalValue = if isDefined then { value = mergedValue; } else { };
    };

  evalOption = loc: decls: defs:
    let
      opt = combineDecls loc decls;
      withDefault = defs ++ lib.optional (opt ? default) { file = "default of ${showOption loc}"; value = mkOptionDefault opt.default; };
      res = mergeDefinitions loc opt.type withDefault;
      value = if res.isDefined
        then (if opt ? apply then opt.apply res.mergedValue else res.mergedValue)
        else throw "The option `${showOption loc}' is used but not defined.";
    in opt // {
      _type = "option";
      inherit value loc;
      inherit (res) isDefined highestPrio;
      definitions = map (d: d.value) defs;
      definitionsWithLocations = defs;
      files = map (d: d.file) defs;
    };

  # Walk declarations and definitions together. Returns the config, the options and the
  # definitions that matched no declaration (with their full location).
  evalTree = loc: tree: defs:
    let
      pushed = concatMap (d:
        if isAttrs d.value
        then map (v: { inherit (d) file; value = v; }) (pushDownProperties d.value)
        else throw "The option `${showOption loc}' is a namespace, but `${d.file}' defines it as a ${builtins.typeOf d.value}.") defs;
      defsFor = n: concatMap (d: if d.value ? ${n} then [ { inherit (d) file; value = d.value.${n}; } ] else [ ]) pushed;
      children = mapAttrs (n: node:
        if node ? __optionDecls
        then { option = evalOption (loc ++ [ n ]) node.__optionDecls (defsFor n); }
        else { namespace = evalTree (loc ++ [ n ]) node (defsFor n); }) tree;
      here = concatMap (d: map (n: { inherit (d) file; prefix = loc ++ [ n ]; value = d.value.${n}; })
        (filter (n: !(tree ? ${n})) (attrNames d.value))) pushed;
    in {
      config = mapAttrs (n: c: if c ? option then c.option.value else c.namespace.config) children;
      options = mapAttrs (n: c: if c ? option then c.option else c.namespace.options) children;
      unmatched = here ++ concatMap (c: if c ? namespace then c.namespace.unmatched else [ ]) (builtins.attrValues children);
    };

  internalModule = {
    _file = "lib/modules.nix";
    key = "lib/modules.nix";
    options._module = {
      args = lib.mkOption { type = types.lazyAttrsOf types.raw; description = "Module arguments."; };
      freeformType = lib.mkOption { type = types.nullOr types.raw; default = null; };
      check = lib.mkOption { type = types.bool; default = true; };
    };
    config._module.args = { };
  };
in
{
  inherit mergeDefinitions;

  evalModules = { modules, specialArgs ? { }, prefix ? [ ], class ? null }:
    let
      moduleArgs = f:
        let
          wanted = lib.functionArgs f;
          extra = mapAttrs (name: _: specialArgs.${name} or config._module.args.${name}
            or (throw "evalModules: module argument `${name}' is not available")) wanted;
        in extra // { inherit lib config options specialArgs; _class = class; _prefix = prefix; };

      collected = collectModules { modules = [ internalModule ] ++ modules; inherit moduleArgs; };

      tree = declTree prefix (map (m: { file = m._file; value = m.options; }) collected);
      evaluated = evalTree prefix tree (map (m: { file = m._file; value = m.config; }) collected);

      declaredConfig = evaluated.config;
      freeformType = declaredConfig._module.freeformType;
      freeformConfig = freeformType.merge prefix (map (u: { inherit (u) file; value = lib.setAttrByPath (lib.drop (length prefix) u.prefix) u.value; }) evaluated.unmatched);
      config = if freeformType == null then declaredConfig
        else lib.recursiveUpdate freeformConfig declaredConfig;
      options = evaluated.options;

      # As upstream, unknown options fail when the result is used, not while modules
      # read each other's config (that would force every definition too early).
      checkUnmatched =
        if declaredConfig._module.check && freeformType == null && evaluated.unmatched != [ ] then
          let u = head evaluated.unmatched; in
          throw "The option `${showOption u.prefix}' does not exist. Definition values:${showDefs [ u ]}"
        else null;
      checked = builtins.seq checkUnmatched;
    in {
      config = checked (removeAttrs config [ "_module" ]);
      options = checked options;
      _module = checked config._module;
      type = types.submoduleWith { inherit modules specialArgs; };
      extendModules = ext: lib.evalModules {
        modules = modules ++ (ext.modules or [ ]);
        specialArgs = specialArgs // (ext.specialArgs or { });
        inherit prefix class;
      };
      inherit class;
    };
}

# Option types, after nixpkgs lib/types.nix: each has `check` (per definition) and
# `merge loc defs`. Compound types merge element by element through mergeDefinitions, so
# mkIf/mkDefault work inside lists and attrsets as upstream.
{ lib }:
let
  inherit (builtins) isAttrs isList isString isInt isBool isFloat isPath all any length head filter
    mapAttrs concatLists elem attrNames foldl' typeOf;
  inherit (lib.options) mergeEqualOption mergeOneOption mergeDefaultOption mergeUniqueOption showOption;
  mergeDefinitions = loc: type: defs: lib.modulesEval.mergeDefinitions loc type defs;

  mkOptionType = { name, description ? name, check ? (x: true), merge ? mergeDefaultOption,
                   emptyValue ? { }, typeMerge ? null, nestedTypes ? { }, getSubOptions ? (prefix: { }), ... }@attrs:
    attrs // {
      _type = "option-type";
      inherit name description check merge emptyValue nestedTypes getSubOptions;
    } // lib.optionalAttrs (typeMerge != null) { inherit typeMerge; };

  isModuleLike = x: isAttrs x || lib.isFunction x || isPath x;

  intBetween = lo: hi: mkOptionType {
    name = "intBetween";
    description = "integer between ${toString lo} and ${toString hi} (both inclusive)";
    check = x: isInt x && x >= lo && x <= hi;
    merge = mergeEqualOption;
  };

  separatedString = sep: mkOptionType {
    name = "separatedString";
    description = if sep == "" then "concatenated string" else "strings concatenated with ${builtins.toJSON sep}";
    check = isString;
    merge = loc: defs: lib.concatStringsSep sep (map (d: d.value) defs);
  };

  submoduleWith = { modules, specialArgs ? { }, shorthandOnlyDefinesConfig ? false, description ? null, class ? null }:
    let
      base = modules;
      evalWith = loc: defs: lib.evalModules {
        modules = base
          ++ [ { _module.args.name = lib.mkOptionDefault (lib.last loc); } ]
          ++ map (d: { _file = d.file; imports = [ d.value ]; }) defs;
        inherit specialArgs class;
        prefix = loc;
      };
      self = mkOptionType {
        name = "submodule";
        description = if description != null then description else "submodule";
        check = isModuleLike;
        merge = loc: defs: (evalWith loc defs).config;
        emptyValue = { value = { }; };
        getSubOptions = prefix: (evalWith (prefix ++ [ "<name>" ]) [ ]).options;
        typeMerge = other:
          if (other.name or "") == "submodule" && other ? submoduleModules
          then submoduleWith { modules = base ++ other.submoduleModules; specialArgs = specialArgs // other.submoduleSpecialArgs; inherit description class; }
          else null;
        submoduleModules = base;
        submoduleSpecialArgs = specialArgs;
      };
    in self;

  # Extending a container of submodules with another container of submodules.
  containerMerge = ctor: elemType: other:
    if (other.name or null) == (ctor elemType).name && other ? nestedTypes.elemType && elemType ? typeMerge
    then (let e = elemType.typeMerge other.nestedTypes.elemType; in if e == null then null else ctor e)
    else null;

  types = rec {
    inherit mkOptionType isModuleLike;

    raw = mkOptionType { name = "raw"; description = "raw value"; merge = mergeOneOption; };
    unspecified = mkOptionType { name = "unspecified"; description = "unspecified value"; };
    anything = mkOptionType {
      name = "anything";
      description = "anything";
      merge = loc: defs:
        let vals = map (d: d.value) defs; in
        if all (v: isAttrs v && !(lib.isDerivation v)) vals then (lazyAttrsOf anything).merge loc defs
        else if all isList vals then concatLists vals
        else if all builtins.isFunction vals then (x: anything.merge loc (map (d: d // { value = d.value x; }) defs))
        else mergeEqualOption loc defs;
    };

    bool = mkOptionType { name = "bool"; description = "boolean"; check = isBool; merge = mergeEqualOption; };
    int = mkOptionType { name = "int"; description = "signed integer"; check = isInt; merge = mergeEqualOption; };
    ints = {
      between = intBetween;
      positive = mkOptionType { name = "positiveInt"; description = "positive integer, meaning >0"; check = x: isInt x && x > 0; merge = mergeEqualOption; };
      unsigned = mkOptionType { name = "unsignedInt"; description = "unsigned integer, meaning >=0"; check = x: isInt x && x >= 0; merge = mergeEqualOption; };
      u8 = intBetween 0 255;
      u16 = intBetween 0 65535;
      u32 = intBetween 0 4294967295;
      s8 = intBetween (-128) 127;
      s16 = intBetween (-32768) 32767;
      s32 = intBetween (-2147483648) 2147483647;
    };
    port = ints.u16;
    float = mkOptionType { name = "float"; description = "floating point number"; check = isFloat; merge = mergeEqualOption; };
    number = either int float;

    str = mkOptionType { name = "str"; description = "string"; check = isString; merge = mergeEqualOption; };
    nonEmptyStr = addCheck str (x: builtins.match "[ \t\n]*" x == null);
    singleLineStr = addCheck str (x: builtins.match "[^\n\r]*\n?" x != null);
    strMatching = pattern: addCheck str (x: builtins.match pattern x != null);
    inherit separatedString;
    lines = separatedString "\n";
    commas = separatedString ",";
    envVar = separatedString ":";
    passwdEntry = t: addCheck t (x: isString x && builtins.match ".*[:\n].*" x == null);

    attrs = mkOptionType { name = "attrs"; description = "attribute set"; check = isAttrs; merge = loc: foldl' (res: d: res // d.value) { }; emptyValue = { value = { }; }; };

    package = mkOptionType {
      name = "package";
      description = "package";
      check = x: lib.isDerivation x || lib.isStorePath x;
      merge = loc: defs:
        let res = mergeOneOption loc defs; in
        if lib.isDerivation res then res else lib.toDerivation res;
    };
    shellPackage = package;
    pkgs = raw;

    path = mkOptionType {
      name = "path";
      description = "path";
      check = x: isPath x || lib.isDerivation x || (lib.isStringLike x && builtins.substring 0 1 (toString x) == "/");
      merge = mergeEqualOption;
    };
    pathInStore = addCheck path lib.isStorePath;

    listOf = elemType: mkOptionType {
      name = "listOf";
      description = "list of ${elemType.description}";
      check = isList;
      merge = loc: defs:
        map (x: x.value) (filter (x: x ? value) (concatLists (lib.imap1 (n: def:
          lib.imap1 (m: v: (mergeDefinitions (loc ++ [ "[definition ${toString n}-entry ${toString m}]" ]) elemType
            [ { inherit (def) file; value = v; } ]).optionalValue) def.value) defs)));
      emptyValue = { value = [ ]; };
      nestedTypes.elemType = elemType;
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "*" ]);
      typeMerge = containerMerge listOf elemType;
    };
    nonEmptyListOf = elemType: addCheck (listOf elemType) (l: l != [ ]);

    attrsOf = elemType: attrsWith { inherit elemType; lazy = false; };
    lazyAttrsOf = elemType: attrsWith { inherit elemType; lazy = true; };
    attrsWith = { elemType, lazy ? false }: mkOptionType {
      name = if lazy then "lazyAttrsOf" else "attrsOf";
      description = "${if lazy then "lazy " else ""}attribute set of ${elemType.description}";
      check = isAttrs;
      merge = loc: defs:
        let
          perName = lib.zipAttrsWith (n: ds: ds)
            (map (d: mapAttrs (n: v: { inherit (d) file; value = v; }) d.value) defs);
          results = mapAttrs (n: ds: mergeDefinitions (loc ++ [ n ]) elemType ds) perName;
        in
        if lazy then mapAttrs (n: r: r.optionalValue.value or elemType.emptyValue.value or r.mergedValue) results
        else mapAttrs (n: r: r.optionalValue.value) (lib.filterAttrs (n: r: r.optionalValue ? value) results);
      emptyValue = { value = { }; };
      nestedTypes.elemType = elemType;
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "<name>" ]);
      typeMerge = containerMerge (t: attrsWith { elemType = t; inherit lazy; }) elemType;
    };

    uniq = unique { message = ""; };
    unique = { message }: type: type // { merge = mergeUniqueOption { inherit message; inherit (type) merge; }; };

    nullOr = elemType: mkOptionType {
      name = "nullOr";
      description = "null or ${elemType.description}";
      check = x: x == null || elemType.check x;
      merge = loc: defs:
        let nulls = lib.count (d: d.value == null) defs; in
        if nulls == length defs then null
        else if nulls != 0 then throw "The option `${showOption loc}' is defined both null and not null, in ${lib.showFiles (map (d: d.file) defs)}."
        else elemType.merge loc defs;
      emptyValue = { value = null; };
      nestedTypes.elemType = elemType;
      getSubOptions = elemType.getSubOptions;
      typeMerge = containerMerge nullOr elemType;
    };

    functionTo = elemType: mkOptionType {
      name = "functionTo";
      description = "function that evaluates to a(n) ${elemType.description}";
      check = lib.isFunction;
      merge = loc: defs: args: (mergeDefinitions loc elemType (map (d: { inherit (d) file; value = d.value args; }) defs)).mergedValue;
    };

    enum = values: mkOptionType {
      name = "enum";
      description = "one of ${lib.concatMapStringsSep ", " (v: builtins.toJSON v) values}";
      check = x: elem x values;
      merge = mergeEqualOption;
    };

    either = t1: t2: mkOptionType {
      name = "either";
      description = "${t1.description} or ${t2.description}";
      check = x: t1.check x || t2.check x;
      merge = loc: defs:
        if all (d: t1.check d.value) defs then t1.merge loc defs
        else if all (d: t2.check d.value) defs then t2.merge loc defs
        else mergeOneOption loc defs;
    };
    oneOf = ts: foldl' either (head ts) (builtins.tail ts);

    coercedTo = coercedType: coerceFunc: finalType: mkOptionType {
      name = "coercedTo";
      description = "${finalType.description} or ${coercedType.description} convertible to it";
      check = x: (coercedType.check x && finalType.check (coerceFunc x)) || finalType.check x;
      merge = loc: defs: finalType.merge loc (map (d: d // {
        value = if finalType.check d.value then d.value else coerceFunc d.value; }) defs);
      emptyValue = finalType.emptyValue;
      getSubOptions = finalType.getSubOptions;
    };

    addCheck = elemType: check: elemType // { check = x: elemType.check x && check x; };

    inherit submoduleWith;
    submodule = modules: submoduleWith { shorthandOnlyDefinesConfig = true; modules = lib.toList modules; };

    deferredModule = deferredModuleWith { };
    deferredModuleWith = { staticModules ? [ ] }: mkOptionType {
      name = "deferredModule";
      description = "module";
      check = isModuleLike;
      # The definitions stay modules: the consumer evaluates them (nixpkgs lib/types.nix).
      merge = loc: defs: {
        imports = staticModules ++ map (d: { _file = "${d.file}, via option ${showOption loc}"; imports = [ d.value ]; }) defs;
      };
      emptyValue = { value = { }; };
    };

    optionType = raw;
  };
in
types

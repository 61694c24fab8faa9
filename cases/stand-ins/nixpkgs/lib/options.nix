# Option declarations and the standard merge functions, after nixpkgs lib/options.nix.
{ lib }:
let
  inherit (builtins) length head all isAttrs attrNames concatStringsSep match toJSON;
in
rec {
  isOption = x: isAttrs x && (x._type or null) == "option";

  mkOption = attrs: { _type = "option"; } // attrs;

  mkEnableOption = name: mkOption {
    default = false;
    example = true;
    description = if name == null then "Whether to enable this." else "Whether to enable ${name}.";
    type = lib.types.bool;
  };

  mkPackageOption = pkgs: name: { default ? [ name ], nullable ? false, example ? null, extraDescription ? "", pkgsText ? "pkgs" }:
    let
      path = lib.toList (if builtins.isList name then name else default);
      pkg = lib.attrByPath path (throw "${concatStringsSep "." path} cannot be found in ${pkgsText}") pkgs;
    in mkOption {
      type = if nullable then lib.types.nullOr lib.types.package else lib.types.package;
      default = pkg;
      defaultText = literalExpression "${pkgsText}.${concatStringsSep "." path}";
      description = "The ${concatStringsSep "." path} package to use.${extraDescription}";
    };

  mkSinkUndeclaredOptions = attrs: mkOption ({ internal = true; visible = false; default = false; type = lib.types.raw; apply = x: throw "Option value is not readable because the option is not declared."; } // attrs);

  literalExpression = text: { _type = "literalExpression"; inherit text; };
  literalMD = text: { _type = "literalMD"; inherit text; };
  literalExample = literalExpression;
  mdDoc = x: x;

  # `a.b."nix/machines"`: names that are not plain identifiers are quoted, as nixpkgs does.
  showOption = parts: concatStringsSep "." (map (p:
    if match "[a-zA-Z_][a-zA-Z0-9_'-]*" p != null || match "<.*>|\\*|\\[.*\\]" p != null then p else toJSON p) parts);

  showFiles = files: concatStringsSep " and " (map (f: "`${toString f}'") files);

  showDefs = defs: lib.concatMapStrings (d:
    let v = builtins.tryEval (lib.generators.toPretty { } d.value); in
    "\n- In `${toString d.file}': ${if v.success then v.value else "<unprintable>"}") defs;

  getValues = map (x: x.value);
  getFiles = map (x: x.file);

  # The unique-value merges. nixpkgs' messages, so errors read the same as upstream's.
  mergeEqualOption = loc: defs:
    if defs == [ ] then abort "This case should never happen."
    else if length defs == 1 then (head defs).value
    else (builtins.foldl' (first: def:
      if def.value != first.value
      then throw "The option `${showOption loc}' has conflicting definition values:${showDefs [ first def ]}\nUse `lib.mkForce value` or `lib.mkDefault value` to change the priority on any of these definitions."
      else first) (head defs) (builtins.tail defs)).value;

  mergeUniqueOption = { message, merge ? null }: loc: defs:
    if length defs == 1 then (if merge == null then (head defs).value else merge loc defs)
    else throw "The option `${showOption loc}' is defined multiple times while it's expected to be unique.\n${message}\nDefinition values:${showDefs defs}\nUse `lib.mkForce value` or `lib.mkDefault value` to change the priority on any of these definitions.";

  mergeOneOption = mergeUniqueOption { message = ""; };

  mergeDefaultOption = loc: defs:
    let list = getValues defs; in
    if length list == 1 then head list
    else if all builtins.isFunction list then x: mergeDefaultOption loc (map (f: f x) list)
    else if all builtins.isList list then builtins.concatLists list
    else if all isAttrs list then builtins.foldl' lib.mergeAttrs { } list
    else if all builtins.isBool list then builtins.foldl' (a: b: a || b) false list
    else if all builtins.isString list then lib.concatStrings list
    else if all builtins.isInt list && all (x: x == head list) list then head list
    else throw "Cannot merge definitions of `${showOption loc}'. Definition values:${showDefs defs}";
}

# Text renderings used by the stand-ins: toPlist (launchd plists, as nixpkgs
# lib.generators.toPlist writes them), mkKeyValueDefault (qemu -drive options) and a
# short toPretty for error messages.
{ lib }:
let
  inherit (builtins) isAttrs isList isString isInt isBool isFloat isPath attrNames concatStringsSep toJSON;
in
rec {
  mkValueStringDefault = { }: v:
    if isInt v || isFloat v then toString v
    else if isBool v then lib.boolToString v
    else if v == null then "null"
    else if isString v || isPath v || lib.isDerivation v then toString v
    else throw "generators.mkValueStringDefault: cannot render a ${builtins.typeOf v}";

  mkKeyValueDefault = { mkValueString ? mkValueStringDefault { } }: sep: k: v:
    "${lib.escape [ sep ] k}${sep}${mkValueString v}";

  toKeyValue = { mkKeyValue ? mkKeyValueDefault { } "=" }: attrs:
    lib.concatStrings (lib.mapAttrsToList (k: v: mkKeyValue k v + "\n") attrs);

  toPretty = { multiline ? false }: v:
    if isAttrs v && lib.isDerivation v then "<derivation ${v.name or "?"}>"
    else if isAttrs v then "{ ${concatStringsSep " " (map (n: "${n} = ${toPretty { } v.${n}};") (attrNames v))} }"
    else if isList v then "[ ${concatStringsSep " " (map (toPretty { }) v)} ]"
    else if builtins.isFunction v then "<function>"
    else if isBool v then lib.boolToString v
    else if isString v then toJSON v
    else if v == null then "null"
    else toString v;

  # Apple's plist XML: one <key> per attribute (sorted), tabs for indentation.
  toPlist = { escape ? false }: v:
    let
      esc = s: if escape then lib.replaceStrings [ "&" "<" ">" "\"" "'" ] [ "&amp;" "&lt;" "&gt;" "&quot;" "&apos;" ] s else s;
      ind = n: lib.concatStrings (builtins.genList (_: "\t") n);
      render = n: x:
        if isBool x then "${ind n}<${lib.boolToString x}/>"
        else if isInt x then "${ind n}<integer>${toString x}</integer>"
        else if isFloat x then "${ind n}<real>${toString x}</real>"
        else if isString x || isPath x || lib.isDerivation x then "${ind n}<string>${esc (toString x)}</string>"
        else if isList x then
          "${ind n}<array>\n${concatStringsSep "\n" (map (render (n + 1)) x)}\n${ind n}</array>"
        else if isAttrs x then
          "${ind n}<dict>\n${concatStringsSep "\n" (map (k: "${ind (n + 1)}<key>${esc k}</key>\n${render (n + 1) x.${k}}") (attrNames x))}\n${ind n}</dict>"
        else throw "generators.toPlist: cannot render a ${builtins.typeOf x}";
    in ''
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
      <plist version="1.0">
      ${render 0 v}
      </plist>'';
}

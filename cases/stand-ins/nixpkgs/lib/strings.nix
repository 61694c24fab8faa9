# String helpers (names as in nixpkgs lib/strings.nix; own implementations).
{ lib }:
let
  inherit (builtins) concatStringsSep stringLength substring replaceStrings genList length elemAt isString isAttrs;
in
rec {
  inherit (builtins) concatStringsSep stringLength substring replaceStrings toString split match;
  concatStrings = concatStringsSep "";
  concatMapStrings = f: list: concatStrings (map f list);
  concatMapStringsSep = sep: f: list: concatStringsSep sep (map f list);
  concatImapStrings = f: list: concatStrings (lib.imap1 f list);
  concatLines = list: concatStrings (map (s: s + "\n") list);
  optionalString = cond: s: if cond then s else "";
  hasPrefix = pref: str: substring 0 (stringLength pref) str == pref;
  hasSuffix = suff: str:
    let ls = stringLength str; lf = stringLength suff;
    in lf <= ls && substring (ls - lf) lf str == suff;
  hasInfix = infix: str: builtins.match ".*${escapeRegex infix}.*" str != null;
  removePrefix = pref: str: if hasPrefix pref str then substring (stringLength pref) (stringLength str) str else str;
  removeSuffix = suff: str: if hasSuffix suff str then substring 0 (stringLength str - stringLength suff) str else str;
  stringToCharacters = s: genList (p: substring p 1 s) (stringLength s);
  escape = list: replaceStrings list (map (c: "\\${c}") list);
  escapeRegex = escape (stringToCharacters "\\[{()^$?*+|.");
  splitString = sep: s: builtins.filter isString (builtins.split (escapeRegex sep) s);
  lowerChars = stringToCharacters "abcdefghijklmnopqrstuvwxyz";
  upperChars = stringToCharacters "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  toLower = replaceStrings upperChars lowerChars;
  toUpper = replaceStrings lowerChars upperChars;
  fixedWidthString = width: filler: str:
    let strw = stringLength str; in
    if strw >= width then str else fixedWidthString width filler (filler + str);
  fixedWidthNumber = width: n: fixedWidthString width "0" (toString n);
  # POSIX single-quote escaping, the same rule as nixpkgs' escapeShellArg:
  # a plain word stays bare, anything else is wrapped in '...' with ' written as '\''.
  escapeShellArg = arg:
    let s = toString arg; in
    if builtins.match "[[:alnum:],._+:@%/-]+" s != null then s
    else "'${replaceStrings [ "'" ] [ "'\\''" ] s}'";
  escapeShellArgs = list: concatStringsSep " " (map escapeShellArg list);
  makeSearchPath = subDir: paths: concatStringsSep ":" (map (p: "${p}/${subDir}") (builtins.filter (x: x != null) paths));
  makeSearchPathOutput = output: subDir: pkgs: makeSearchPath subDir (map (lib.getOutput output) pkgs);
  makeBinPath = makeSearchPathOutput "bin" "bin";
  isStringLike = x: isString x || builtins.isPath x || (isAttrs x && (x ? outPath || x ? __toString));
  isCoercibleToString = isStringLike;
  isStorePath = x:
    isStringLike x && (let s = toString x; in
      hasPrefix "${builtins.storeDir}/" s && builtins.match "[^/]+" (substring (stringLength builtins.storeDir + 1) (stringLength s) s) != null);
  versionOlder = v1: v2: builtins.compareVersions v2 v1 == 1;
  versionAtLeast = v1: v2: !(versionOlder v1 v2);
  getName = x: (builtins.parseDrvName (x.name or x)).name;
  getVersion = x: (builtins.parseDrvName (x.name or x)).version;
  trim = s: let m = builtins.match "[[:space:]]*(.*[^[:space:]])[[:space:]]*" s; in if m == null then "" else builtins.head m;
  strings = { floatToString = toString; };
}

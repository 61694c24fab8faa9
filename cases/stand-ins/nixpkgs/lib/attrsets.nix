# Attribute-set helpers (names as in nixpkgs lib/attrsets.nix; own implementations).
{ lib }:
let
  inherit (builtins) attrNames listToAttrs isAttrs foldl' head tail length concatMap filter hasAttr getAttr;
in
rec {
  inherit (builtins) attrNames attrValues listToAttrs mapAttrs removeAttrs intersectAttrs catAttrs hasAttr getAttr;
  nameValuePair = name: value: { inherit name value; };
  optionalAttrs = cond: as: if cond then as else { };
  mapAttrs' = f: set: listToAttrs (map (n: f n set.${n}) (attrNames set));
  mapAttrsToList = f: set: map (n: f n set.${n}) (attrNames set);
  concatMapAttrs = f: set: foldl' (a: b: a // b) { } (mapAttrsToList f set);
  filterAttrs = pred: set: listToAttrs (concatMap (n: let v = set.${n}; in if pred n v then [ (nameValuePair n v) ] else [ ]) (attrNames set));
  genAttrs = names: f: listToAttrs (map (n: nameValuePair n (f n)) names);
  attrByPath = path: default: set:
    if path == [ ] then set
    else if isAttrs set && set ? ${head path} then attrByPath (tail path) default set.${head path}
    else default;
  hasAttrByPath = path: set:
    path == [ ] || (isAttrs set && set ? ${head path} && hasAttrByPath (tail path) set.${head path});
  getAttrFromPath = path: set:
    attrByPath path (throw "cannot find attribute `${lib.concatStringsSep "." path}'") set;
  setAttrByPath = path: value:
    if path == [ ] then value else { ${head path} = setAttrByPath (tail path) value; };
  zipAttrsWith = f: sets:
    let names = lib.unique (concatMap attrNames sets);
    in listToAttrs (map (n: nameValuePair n (f n (builtins.catAttrs n sets))) names);
  zipAttrs = zipAttrsWith (n: vs: vs);
  # Later sets win; nested attrsets merge, as nixpkgs' recursiveUpdate does.
  recursiveUpdateUntil = pred: lhs: rhs:
    let
      f = attrPath: zipAttrsWith (n: values:
        let here = attrPath ++ [ n ]; in
        if length values == 1 || pred here (head (tail values)) (head values)
        then head values
        else f here values);
    in f [ ] [ rhs lhs ];
  recursiveUpdate = recursiveUpdateUntil (path: lhs: rhs: !(isAttrs lhs && isAttrs rhs));
  isDerivation = x: isAttrs x && (x.type or null) == "derivation";
  collect = pred: attrs:
    if pred attrs then [ attrs ]
    else if isAttrs attrs then concatMap (collect pred) (builtins.attrValues attrs)
    else [ ];
  mapAttrsRecursiveCond = cond: f: set:
    let recurse = path: s: builtins.mapAttrs (n: v:
      if isAttrs v && cond v then recurse (path ++ [ n ]) v else f (path ++ [ n ]) v) s;
    in recurse [ ] set;
  mapAttrsRecursive = mapAttrsRecursiveCond (_: true);
  foldAttrs = op: nul: list: foldl' (acc: el: foldl' (a: n: a // { ${n} = op el.${n} (a.${n} or nul); }) acc (attrNames el)) { } (lib.reverseList list);
  getOutput = output: pkg: if pkg ? outputSpecified && pkg.outputSpecified then pkg else pkg.${output} or pkg.out or pkg;
  getBin = getOutput "bin";
  getLib = getOutput "lib";
  getDev = getOutput "dev";
  getMan = getOutput "man";
  toDerivation = path: { type = "derivation"; outPath = path; name = baseNameOf path; };
}

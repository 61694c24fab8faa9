# Definition properties: mkIf, mkMerge, mkOverride (priorities) and mkOrder, and the
# three passes nixpkgs lib/modules.nix runs over them: push down through attrsets,
# discharge (expand merges, drop false conditions), keep the highest priority.
{ lib }:
let
  inherit (builtins) isAttrs isBool concatMap mapAttrs foldl' filter sort;
  kind = x: if isAttrs x then x._type or "" else "";
in
rec {
  mkIf = condition: content: { _type = "if"; inherit condition content; };
  mkMerge = contents: { _type = "merge"; inherit contents; };
  mkOverride = priority: content: { _type = "override"; inherit priority content; };

  # Priorities as nixpkgs numbers them: lower wins; a plain definition is 100.
  defaultOverridePriority = 100;
  mkOptionDefault = mkOverride 1500;
  mkDefault = mkOverride 1000;
  mkImageMediaOverride = mkOverride 60;
  mkForce = mkOverride 50;
  mkVMOverride = mkOverride 10;

  mkOrder = priority: content: { _type = "order"; inherit priority content; };
  defaultOrderPriority = 1000;
  mkBefore = mkOrder 500;
  mkAfter = mkOrder 1500;

  mkAliasIfDef = option: mkIf (isAttrs option && option.isDefined);
  mkAliasDefinitions = option: mkAliasIfDef option (mkMerge option.definitions);

  # An attrset definition wrapped in properties becomes a list of attrsets whose
  # attributes carry the properties, so conditions are only forced per option.
  pushDownProperties = cfg:
    let k = kind cfg; in
    if k == "merge" then concatMap pushDownProperties cfg.contents
    else if k == "if" then map (mapAttrs (n: v: mkIf cfg.condition v)) (pushDownProperties cfg.content)
    else if k == "override" then map (mapAttrs (n: v: mkOverride cfg.priority v)) (pushDownProperties cfg.content)
    else [ cfg ];

  dischargeProperties = def:
    let k = kind def; in
    if k == "merge" then concatMap dischargeProperties def.contents
    else if k == "if" then
      (if isBool def.condition
       then (if def.condition then dischargeProperties def.content else [ ])
       else throw "‘mkIf’ called with a non-Boolean condition")
    else [ def ];

  # defs: [ { file; value; } ] already discharged. Returns the winners, unwrapped.
  filterOverrides = defs:
    let
      prioOf = def: if kind def.value == "override" then def.value.priority else defaultOverridePriority;
      highestPrio = foldl' (p: d: lib.min p (prioOf d)) 9999 defs;
      strip = def: if kind def.value == "override" then def // { value = def.value.content; } else def;
    in {
      inherit highestPrio;
      values = concatMap (d:
        if prioOf d == highestPrio
        then map (v: { inherit (d) file; value = v; }) (dischargeProperties (strip d).value)
        else [ ]) defs;
    };

  sortProperties = defs:
    let
      strip = def: if kind def.value == "order" then def // { value = def.value.content; inherit (def.value) priority; } else def;
      withPrio = map strip defs;
      prio = d: d.priority or defaultOrderPriority;
    in map (d: removeAttrs d [ "priority" ]) (sort (a: b: prio a < prio b) withPrio);
}

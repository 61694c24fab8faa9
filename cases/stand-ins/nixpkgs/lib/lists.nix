# List helpers (names as in nixpkgs lib/lists.nix; own implementations).
{ lib }:
let
  inherit (builtins) length elemAt genList foldl' filter concatLists head tail elem;
in
rec {
  inherit (builtins) head tail elem filter length elemAt genList concatMap concatLists sort partition any all;
  foldl' = builtins.foldl';
  foldr = op: nul: list:
    let len = length list; go = n: if n == len then nul else op (elemAt list n) (go (n + 1));
    in go 0;
  foldl = op: nul: list: foldl' op nul list;
  optional = cond: x: if cond then [ x ] else [ ];
  optionals = cond: xs: if cond then xs else [ ];
  toList = x: if builtins.isList x then x else [ x ];
  imap0 = f: list: genList (n: f n (elemAt list n)) (length list);
  imap1 = f: list: genList (n: f (n + 1) (elemAt list n)) (length list);
  flatten = x: if builtins.isList x then concatLists (map flatten x) else [ x ];
  last = list: assert list != [ ]; elemAt list (length list - 1);
  init = list: assert list != [ ]; genList (n: elemAt list n) (length list - 1);
  range = first: last: if first > last then [ ] else genList (n: first + n) (last - first + 1);
  reverseList = xs: let l = length xs; in genList (n: elemAt xs (l - n - 1)) l;
  unique = foldl' (acc: e: if elem e acc then acc else acc ++ [ e ]) [ ];
  count = pred: foldl' (c: x: if pred x then c + 1 else c) 0;
  findFirst = pred: default: list: let found = filter pred list; in if found == [ ] then default else head found;
  remove = e: filter (x: x != e);
  take = n: list: genList (i: elemAt list i) (lib.min n (length list));
  drop = n: list: genList (i: elemAt list (i + n)) (lib.max 0 (length list - n));
  zipLists = a: b: genList (i: { fst = elemAt a i; snd = elemAt b i; }) (lib.min (length a) (length b));
  subtractLists = e: filter (x: !(elem x e));
  intersectLists = e: filter (x: elem x e);
  singleton = x: [ x ];
  forEach = xs: f: map f xs;
  sortOn = f: sort (a: b: f a < f b);
}

# Modules that declare removed/renamed options (nixpkgs lib/modules.nix mkRemovedOptionModule,
# mkRenamedOptionModule, mkAliasOptionModule; own implementations). A removed option
# throws when read and fails an assertion when set, with upstream's wording.
{ lib }:
let
  inherit (lib.options) showOption showFiles mkOption;
in
{
  mkRemovedOptionModule = optionName: replacementInstructions: { options, ... }: {
    options = lib.setAttrByPath optionName (mkOption {
      visible = false;
      apply = x: throw "The option `${showOption optionName}' can no longer be used since it's been removed. ${replacementInstructions}";
    });
    config.assertions =
      let opt = lib.getAttrFromPath optionName options; in
      [ {
        assertion = !opt.isDefined;
        message = ''
          The option definition `${showOption optionName}' in ${showFiles opt.files} no longer has any effect; please remove it.
          ${replacementInstructions}
        '';
      } ];
  };

  mkRenamedOptionModule = from: to: { options, ... }: {
    options = lib.setAttrByPath from (mkOption { visible = false; description = "Alias of {option}`${showOption to}`."; });
    config = lib.setAttrByPath to (lib.mkAliasDefinitions (lib.getAttrFromPath from options));
  };

  mkAliasOptionModule = from: to: { options, ... }: {
    options = lib.setAttrByPath from (mkOption { visible = true; description = "Alias of {option}`${showOption to}`."; });
    config = lib.setAttrByPath to (lib.mkAliasDefinitions (lib.getAttrFromPath from options));
  };

  setDefaultModuleLocation = file: m: { _file = file; imports = [ m ]; };
}

# shellcheck shell=bash
# Reads the machine's own Debian archive entry (URIs + Signed-By) at run time, so the
# repository never names a mirror: whatever apt already uses here is what we use.
# Sourced by scripts/fetch-toolchains.

# Prints "URI<TAB>KEYRING<TAB>SOURCE" for the entry whose Suites name the host's own codename
# (the main archive, not -security/-updates). KEYRING may be empty (apt then falls back
# to trusted.gpg.d); SOURCE names the file it came from. FLAKECASE_DEBIAN_URI overrides the
# URI (e.g. to test an unreachable archive); FLAKECASE_APT_ETC replaces /etc/apt (tests).
debian_archive_entry() {
  local codename="" uri="" keyring="" source="" f etc=${FLAKECASE_APT_ETC:-/etc/apt}
  if [[ -r /etc/os-release ]]; then
    codename=$(. /etc/os-release && printf '%s' "${VERSION_CODENAME:-}")
  fi
  # deb822 files first: a blank line ends a stanza; keys are case-insensitive.
  for f in "$etc"/sources.list.d/*.sources; do
    [[ -r $f ]] || continue
    local found
    found=$(awk -v want="$codename" '
      function flush() {
        if (types ~ /(^| )deb( |$)/ && uris != "" && (want == "" || (" " suites " ") ~ (" " want " ")) && !done) {
          split(uris, u, " "); print u[1] "\t" signed; done = 1
        }
        types = ""; uris = ""; suites = ""; signed = ""
      }
      /^[ \t]*#/ { next }
      /^[ \t]*$/ { flush(); next }
      {
        line = $0; key = tolower(line); sub(/:.*/, "", key); val = line; sub(/^[^:]*:[ \t]*/, "", val)
        if (key == "types") types = val
        else if (key == "uris") uris = val
        else if (key == "suites") suites = val
        else if (key == "signed-by") signed = val
      }
      END { flush() }' "$f")
    if [[ -n $found ]]; then
      uri=${found%%$'\t'*}; keyring=${found#*$'\t'}; source=$f
      break
    fi
  done
  # One-line format: deb [signed-by=K] URI SUITE COMPONENTS...
  if [[ -z $uri ]]; then
    for f in "$etc"/sources.list "$etc"/sources.list.d/*.list; do
      [[ -r $f ]] || continue
      local line
      line=$(awk -v want="$codename" '
        $1 != "deb" { next }
        { opts = ""; i = 2
          if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) { opts = opts " " $i; i++ } opts = opts " " $i; i++ }
          if (want == "" || $(i + 1) == want) {
            k = ""; n = split(opts, o, /[ \[\]]+/)
            for (j = 1; j <= n; j++) if (o[j] ~ /^signed-by=/) { k = o[j]; sub(/^signed-by=/, "", k) }
            print $i "\t" k; exit
          }
        }' "$f")
      if [[ -n $line ]]; then
        uri=${line%%$'\t'*}; keyring=${line#*$'\t'}; source=$f
        break
      fi
    done
  fi
  if [[ -n ${FLAKECASE_DEBIAN_URI:-} ]]; then uri=$FLAKECASE_DEBIAN_URI; source=FLAKECASE_DEBIAN_URI; fi
  [[ -n $uri ]] || return 1
  # Signed-By may hold an inline key block instead of a path: then let apt use its defaults.
  [[ -n $keyring && -r $keyring ]] || keyring=""
  printf '%s\t%s\t%s\n' "$uri" "$keyring" "$source"
}

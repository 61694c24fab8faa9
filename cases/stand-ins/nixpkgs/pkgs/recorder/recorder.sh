# flakecase recorder, standing in for @program@. It emulates nothing: it appends one JSON
# line {"program":"@program@","args":[...]} (argv without argv[0]) to the file named by
# $@envVar@, or writes it to stderr when that is unset, then exits 0.
# Written for busybox sh, sed and printf only.
sed=@sed@

# sed program: join all lines first, then escape backslash, quote, \t, \r, the other
# control characters as \u00XX, and the newlines as \n; `|` is a sentinel that keeps a
# trailing newline of the argument.
ctl=
i=1
while [ "$i" -lt 32 ]; do
  case $i in
    9|10|13) ;;
    *) c=$(printf "\\$(printf '%03o' "$i")")
       ctl="${ctl}s/${c}/\\\\u00$(printf '%02x' "$i")/g
" ;;
  esac
  i=$((i + 1))
done
prog=':a
$!{
N
ba
}
s/\\/\\\\/g
s/"/\\"/g
s/\t/\\t/g
s/\r/\\r/g
'"$ctl"'s/\n/\\n/g
s/|$//'

json_string() {
  printf '%s|' "$1" | "$sed" -e "$prog"
}

line="{\"program\":\"@program@\",\"args\":["
sep=
for a in "$@"; do
  line="$line$sep\"$(json_string "$a")\""
  sep=,
done
line="$line]}"
if [ -n "${@envVar@:-}" ]; then
  printf '%s\n' "$line" >> "$@envVar@"
else
  printf '%s\n' "$line" >&2
fi
@afterRecord@
exit 0

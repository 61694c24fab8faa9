# `qemu-img create ... FILE [SIZE]` creates FILE and `qemu-img convert ... OUTPUT`
# creates OUTPUT (empty), so scripts that test for the image go on.
sub=${1:-}
[ "$#" -gt 0 ] && shift
first=
last=
while [ "$#" -gt 0 ]; do
  case $1 in
    -f|-b|-F|-o|-O|-B|-l|-S|-t|-T|-r|-m|-W|-c|-C)
      if [ "$#" -ge 2 ]; then shift 2; else shift; fi ;;
    -*) shift ;;
    *) [ -z "$first" ] && first=$1; last=$1; shift ;;
  esac
done
case $sub in
  create) [ -n "$first" ] && : >> "$first" ;;
  convert) [ -n "$last" ] && : >> "$last" ;;
esac

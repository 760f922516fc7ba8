# pprof-oracle.sh - sourced by scripts/source-accuracy.sh and scripts/recording-accuracy.sh.
# oracle_line FILE FUNCTION : the line `go tool pprof -top -lines` (saved in FILE) ranks first for FUNCTION
# (func literals count for their enclosing function); empty when FILE is missing or does not name it.
oracle_line() {
  local file="$1" fn="$2"
  [[ -f "$file" ]] || { echo ""; return; }
  awk -v want="$fn" '
    function enclosing(f) { while (f ~ /\.(func[0-9]+|[0-9]+)$/) sub(/\.(func[0-9]+|[0-9]+)$/, "", f); return f }
    NF >= 7 && $1 != "flat" && $(NF) != "" {
      n = ($(NF) == "(inline)") ? NF - 1 : NF
      split($(n), fl, ":"); fn = $(n - 1)
      if (enclosing(fn) == enclosing(want)) { print fl[2]; exit }
    }' "$file"
}

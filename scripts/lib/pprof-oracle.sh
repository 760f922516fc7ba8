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

# oracle_line_cum FILE FUNCTION : the line `go tool pprof -top -lines -cum` ranks first for FUNCTION, from the same
# saved -top listing (its cum column): the row of FUNCTION with the largest |cum|. For GOROUTINE profiles this is the
# oracle: a user frame of a parked goroutine has flat 0 (only runtime.gopark is flat), so the flat listing orders a
# function's lines by name, not by how many new goroutines sit there; the cum count of a line is that number.
oracle_line_cum() {
  local file="$1" fn="$2"
  [[ -f "$file" ]] || { echo ""; return; }
  awk -v want="$fn" '
    function enclosing(f) { while (f ~ /\.(func[0-9]+|[0-9]+)$/) sub(/\.(func[0-9]+|[0-9]+)$/, "", f); return f }
    function mag(v) { v = v + 0; return v < 0 ? -v : v }
    NF >= 7 && $1 != "flat" && $(NF) != "" {
      n = ($(NF) == "(inline)") ? NF - 1 : NF
      split($(n), fl, ":"); fn = $(n - 1)
      if (enclosing(fn) == enclosing(want) && (best == "" || mag($4) > top)) { best = fl[2]; top = mag($4) }
    }
    END { print best }' "$file"
}

#!/usr/bin/env bash
# Report scale benchmark (issue 18 defect 8): one process of uid 65534 with N listeners (default 20,000) must not
# make `report` unusable. Generates the scan JSON with bench/big_scan.py, then runs
# `report --input SCAN --format F` once per format and prints wall time, peak RSS (/usr/bin/time -v), output size.
# Targets at 20,000 sockets: csv <= 10 s; pdf <= 60 s and <= 1 GiB RSS.
# Usage: bench/report-scale.sh [N] [FORMATS...]     (defaults: 20000 csv pdf html json)
# Then bench/ReportPhases.java times the report's own share (build and write) in one JVM.
# Env: WORK=dir for input/outputs (default: a new temp dir); JAVA_OPTS (default: none, the JVM's own heap sizing,
# as a user runs it).
set -euo pipefail

n="${1:-20000}"
shift $(( $# > 0 ? 1 : 0 ))
formats=("$@")
[ ${#formats[@]} -eq 0 ] && formats=(csv pdf html json)

here="$(cd "$(dirname "$0")/.." && pwd)"
work="${WORK:-$(mktemp -d /tmp/report-scale.XXXXXX)}"
mkdir -p "$work"
scan="$work/scan-$n.json"
[ -f "$scan" ] || python3 "$here/bench/big_scan.py" "$n" > "$scan"

# Compiled classes plus the dependencies named in the CLI jar's manifest, from the local Maven repository
# (no `package` needed: it also copies dependencies, which an offline build may not be able to do).
if [ -z "$(find "$here/app/cli/target/classes" -name CliMain.class 2>/dev/null)" ] \
   || [ -n "$(find "$here"/app/{core,cli}/src/main "$here/native-bridge/src/main" -newer "$here/app/cli/target/classes/org/socketinspector/cli/CliMain.class" -print -quit)" ]; then
  (cd "$here" && ./mvnw -q -B -o -pl app/cli -am compile 1>&2)
fi
cp="$here/app/cli/target/classes:$here/app/core/target/classes:$here/native-bridge/target/classes"
for jar in $(unzip -p "$here/app/cli/target/socket-inspector-cli.jar" META-INF/MANIFEST.MF | tr -d '\r' \
             | sed -n '/^Class-Path:/,/^[A-Z][a-zA-Z-]*: /{/^Main-Class/d;s/^Class-Path: //;s/^ //;p}' | tr -d '\n' \
             | tr ' ' '\n' | sed 's#^lib/##' | grep -v '^socket-inspector-'); do
  cp="$cp:$(find "$HOME/.m2/repository" -name "$jar" -print -quit)"
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs" >&2
printf '| format | sockets | findings | wall time (s) | CPU user+sys (s) | peak RSS (MiB) | output size |\n|---|---|---|---|---|---|---|\n'
for format in "${formats[@]}"; do
  case "$format" in csv) output="$work/report.zip" ;; *) output="$work/report.$format" ;; esac
  rm -f "$output"
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$work/time-$format.txt" java ${JAVA_OPTS:-} -Dfile.encoding=UTF-8 -cp "$cp" \
    org.socketinspector.cli.CliMain report --input "$scan" --format "$format" --output "$output" >/dev/null
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time-$format.txt")"
  seconds="$(awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }' <<<"$wall")"
  rss_kb="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time-$format.txt")"
  cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$work/time-$format.txt")"
  findings="?"
  if [ "$format" = json ]; then
    findings="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$output")"
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$format" "$n" "$findings" "$seconds" "$cpu" "$(( rss_kb / 1024 ))" \
    "$(du -h "$output" | cut -f1)"
done
# The report's own share (build and write, thread CPU time) apart from reading the JSON and the rule engine.
java -cp "$cp" "$here/bench/ReportPhases.java" "$scan" "${formats[@]}"
echo "outputs in $work" >&2

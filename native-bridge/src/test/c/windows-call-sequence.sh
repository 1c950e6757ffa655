#!/usr/bin/env bash
# Runs windows-call-sequence.c, the C mirror of WinsockSockets' and WindowsProcessControl's call sequences, under
# Wine, and checks that the helper in the kill-on-close job ends with its parent while a helper in no job (the
# control) outlives it. Needs gcc-mingw-w64-x86-64 and wine (Debian packages). Output: a report on stdout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
export WINEPREFIX="$work/prefix" WINEDEBUG=-all
trap 'wineserver -k 2>/dev/null || true; rm -rf "$work"' EXIT
x86_64-w64-mingw32-gcc -O0 -o "$work/seq.exe" "$here/windows-call-sequence.c" -lws2_32
children() { ps -eo args | grep -c '[s]eq.exe child' || true; }

echo "# $(x86_64-w64-mingw32-gcc --version | head -1); $(wine --version)"
(wine "$work/seq.exe" > "$work/job.txt" 2>&1 &)
sleep 6
tr -d '\r' < "$work/job.txt"
echo "helpers alive 2+ s after the parent exited, in the job: $(children)"
wineserver -k 2>/dev/null || true
sleep 1
(wine "$work/seq.exe" nojob > "$work/nojob.txt" 2>&1 &)
sleep 6
tr -d '\r' < "$work/nojob.txt"
echo "helpers alive 2+ s after the parent exited, in no job (control): $(children)"

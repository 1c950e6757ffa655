#!/usr/bin/env bash
# Times what the live view pays on the FX thread per refresh: applying a scan of N sockets to the table's rows,
# first scan and warm rescans (1% changed, 1% gone, 1% new). No window is needed.
# Usage: bench/gui-refresh.sh [N...]   (default 1000 10000 30000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
"$root/socket-inspector" --version >/dev/null   # build once, outside the timings
java -cp "$root/app/gui/target/socket-inspector.jar:$root/app/gui/target/lib/*" "$here/GuiRefreshBench.java" "$@"

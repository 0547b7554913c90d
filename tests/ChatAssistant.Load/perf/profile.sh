#!/bin/bash
# CPU profile of the server with Linux perf while the load generator runs (docs/PERFORMANCE.md, "Profiling").
# usage: tests/ChatAssistant.Load/perf/profile.sh NAME [load generator options, e.g. --mix booking=1 --warmup 60]
# Needs: apt-get install linux-perf (or the distribution's perf), a Release build of bot/ and tests/ChatAssistant.Load.
set -euo pipefail
name=$1; shift
root=$(cd "$(dirname "$0")/../../.." && pwd)
out=${PROFILE_DIR:-/tmp}
# Perf maps name the JIT-compiled methods; W^X off keeps JIT code in anonymous memory that perf can map.
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
dotnet "$root/tests/ChatAssistant.Load/bin/Release/net10.0/ChatAssistant.Load.dll" --users 8 --duration 25 --warmup 60 "$@" > "$out/load-$name.txt" 2>&1 &
load=$!
for _ in $(seq 180); do sleep 1; grep -q "Warmed up" "$out/load-$name.txt" && break; done
pid=$(pgrep -f "ChatAssistant.Bot.dll --urls" | head -1)
perf record -F 999 -g -p "$pid" -o "$out/perf-$name.data" -- sleep 12 > /dev/null 2>&1
wait $load || true
grep "^| full" "$out/load-$name.txt" | tail -1
perf script -i "$out/perf-$name.data" -F ip,sym,dso 2> /dev/null > "$out/perf-$name.txt"
python3 "$(dirname "$0")/summarise.py" "$out/perf-$name.txt"

#!/usr/bin/env bash
# Benchmark aid for scripts/bench.sh gateway-overhead: gives the gateway a CPU of its own. While it runs, the gateway's
# processes are pinned to the last CPU and every other process on the machine (services, PostgreSQL, RabbitMQ, the load
# generator) to the others, re-applied every 3 s so new PostgreSQL backends follow. Meant for a machine that runs only
# the benchmark. On exit every process gets every CPU back (not whatever mask it had before).
# Usage: scripts/pin-gateway.sh & ./scripts/bench.sh gateway-overhead; kill %1
set -uo pipefail

last=$(( $(nproc --all) - 1 ))
(( last >= 1 )) || { echo "pin-gateway: needs at least two CPUs" >&2; exit 1; }
others="0-$(( last - 1 ))"

unpin() {
  trap - INT TERM HUP EXIT
  for proc in /proc/[0-9]*; do taskset -a -p -c "0-$last" "${proc#/proc/}" >/dev/null 2>&1; done
  exit 0
}
trap unpin INT TERM HUP EXIT

while true; do
  gateway=" $(pgrep -f 'InventoryPlatform.Gateway' | tr '\n' ' ') "
  if [[ $gateway != "  " ]]; then
    for proc in /proc/[0-9]*; do
      pid=${proc#/proc/}
      [[ $pid == "$$" ]] && continue
      if [[ $gateway == *" $pid "* ]]; then cpus=$last; else cpus=$others; fi
      taskset -a -p -c "$cpus" "$pid" >/dev/null 2>&1
    done
  fi
  sleep 3
done

#!/usr/bin/env bash
# Benchmark aid: gives the gateway a CPU of its own, as its own container would have. While it runs, the gateway's
# processes are pinned to CPU 1 and every other process (services, PostgreSQL, RabbitMQ, the load generator) to CPU 0,
# re-applied every 3 s so new PostgreSQL backends follow. Stop it with Ctrl+C: every process gets both CPUs back.
# Usage: scripts/pin-gateway.sh & ./scripts/bench.sh gateway-overhead; kill %1
set -uo pipefail

unpin() {
  for proc in /proc/[0-9]*; do taskset -a -p -c 0,1 "${proc#/proc/}" >/dev/null 2>&1; done
  exit 0
}
trap unpin INT TERM

while true; do
  gateway=" $(pgrep -f 'InventoryPlatform.Gateway' | tr '\n' ' ') "
  if [[ $gateway != "  " ]]; then
    for proc in /proc/[0-9]*; do
      pid=${proc#/proc/}
      [[ $pid == "$$" ]] && continue
      if [[ $gateway == *" $pid "* ]]; then cpu=1; else cpu=0; fi
      taskset -a -p -c "$cpu" "$pid" >/dev/null 2>&1
    done
  fi
  sleep 3
done

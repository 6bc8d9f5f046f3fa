#!/usr/bin/env bash
# shellcheck disable=SC1091 # sources rabbit.env files generated at run time
# Sourceable helpers to run throwaway/isolated PostgreSQL 15 and RabbitMQ nodes
# without Docker or systemd. Used by scripts/test-infra.sh and the Aspire
# AppHost scripts (aspire/InventoryPlatform.AppHost/infra/*.sh).
#
#   source scripts/lib/infra.sh
#   ensure_packages
#   pg_start DIR PORT [postgres -c options...]   /  pg_stop DIR
#   rabbit_start DIR NAME AMQP_PORT MGMT_PORT DIST_PORT EPMD_PORT  /  rabbit_stop DIR
#   rabbit_ctl DIR args...        (rabbitmqctl against the node living in DIR)
#
# Everything here must run as root: PostgreSQL refuses to run as root, so we
# drop to the `postgres` user with setpriv, which needs root.
# Functions report errors and `return 1`; callers are expected to `set -e`.

# Strict mode for scripts; not forced on an interactive shell that sources
# this file by hand (set -e there would close the terminal on any error).
[[ $- == *i* ]] || set -euo pipefail

INFRA_PG_BIN=${INFRA_PG_BIN:-/usr/lib/postgresql/15/bin}
INFRA_RABBIT_BIN=${INFRA_RABBIT_BIN:-/usr/lib/rabbitmq/bin}

infra_log() { printf '[infra] %s\n' "$*" >&2; }
infra_err() { printf '[infra] ERROR: %s\n' "$*" >&2; }

infra_now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# Elapsed seconds since a infra_now_ms timestamp, e.g. "3.42".
infra_elapsed() { local d=$(( $(infra_now_ms) - $1 )); printf '%d.%02d' $((d / 1000)) $((d % 1000 / 10)); }

infra_require_root() {
  [[ $(id -u) -eq 0 ]] || { infra_err "must run as root (needs apt-get and setpriv to the postgres user)"; return 1; }
}

infra_abspath() { realpath -m -- "$1"; }

# True if PID is a live process. `kill -0` is not enough: orphans whose new
# parent never reaps them (e.g. a minimal PID 1 in a VM/container) linger as
# zombies and would look "alive" forever.
infra_pid_alive() {
  local pid=${1:-} stat
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
  stat=${stat##*) }            # drop "pid (comm) " - comm may contain spaces
  [[ ${stat%% *} != [ZX] ]]
}

infra_read_pid() { [[ -f $1 ]] && head -n1 -- "$1" | tr -dc '0-9'; }

# Wait up to $2 seconds for PID $1 to exit.
infra_wait_pid_exit() {
  local pid=$1 deadline=$((SECONDS + $2))
  while infra_pid_alive "$pid"; do
    (( SECONDS < deadline )) || return 1
    sleep 0.1
  done
}

# TERM a process, escalate to KILL after $3 seconds (default 30).
infra_terminate() {
  local pid=$1 what=$2 grace=${3:-30}
  infra_pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  if ! infra_wait_pid_exit "$pid" "$grace"; then
    infra_log "$what (pid $pid) ignored SIGTERM for ${grace}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    infra_wait_pid_exit "$pid" 10 || true
  fi
}

# True if something accepts TCP connections on 127.0.0.1:PORT (bash /dev/tcp).
infra_port_open() {
  # shellcheck disable=SC2016 # $1 is expanded by the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# True if an epmd answers on PORT. Asks it properly (`epmd -names`) instead of
# a bare TCP probe, which epmd logs as "got partial packet only".
infra_epmd_up() { epmd -port "$1" -names >/dev/null 2>&1; }

# Fail with a helpful message if PORT is already taken by someone else.
infra_require_port_free() {
  local port=$1 what=$2
  if infra_port_open "$port"; then
    infra_err "port $port ($what) is already in use:"
    if command -v ss >/dev/null; then ss -ltnp "sport = :$port" >&2 || true; fi
    return 1
  fi
}

# --------------------------------------------------------------------------
# Packages
# --------------------------------------------------------------------------

# Install rabbitmq-server / postgresql-15 only if their binaries are missing.
ensure_packages() {
  local missing=() added_policy=0 rc=0
  [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] || missing+=(rabbitmq-server)
  [[ -x /usr/lib/postgresql/15/bin/postgres ]] || missing+=(postgresql-15)
  if (( ${#missing[@]} == 0 )); then
    infra_log "packages present: rabbitmq-server, postgresql-15"
    return 0
  fi
  infra_require_root || return 1
  infra_log "installing missing packages: ${missing[*]}"
  # Keep apt from starting the system-wide broker / default cluster on the
  # standard ports: we only want the binaries. policy-rc.d exit 101 = "don't".
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    added_policy=1
  fi
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; } || rc=$?
  (( added_policy )) && rm -f /usr/sbin/policy-rc.d
  if (( rc != 0 )); then infra_err "apt-get install failed ($rc)"; return 1; fi
  infra_log "installed: ${missing[*]}"
}

# --------------------------------------------------------------------------
# PostgreSQL
# --------------------------------------------------------------------------

# Run a command as the postgres user (cd / so it never trips over an
# unreadable current directory such as /root).
infra_as_postgres() {
  (cd / && exec setpriv --reuid=postgres --regid=postgres --init-groups -- "$@")
}

# The postgres user must be able to traverse every ancestor of its data dir.
# Walk top-down so each check reflects the already-fixed parents.
infra_make_traversable() {
  local dir parents=() i
  dir=$(dirname -- "$(infra_abspath "$1")")
  while [[ $dir != / ]]; do parents+=("$dir"); dir=$(dirname -- "$dir"); done
  for (( i = ${#parents[@]} - 1; i >= 0; i-- )); do
    if ! infra_as_postgres test -x "${parents[i]}"; then
      infra_log "chmod o+x ${parents[i]} (postgres user must traverse it)"
      chmod o+x -- "${parents[i]}"
    fi
  done
}

# Unix sockets are limited to ~107 bytes; keep the socket in the data dir
# unless the path is too long, then fall back to a per-dir folder in /tmp.
infra_pg_sockdir() {
  local dir=$1 sock
  if (( ${#dir} <= 90 )); then echo "$dir"; return; fi
  sock=/tmp/infra-pg-$(printf '%s' "$dir" | md5sum | cut -c1-12)
  mkdir -p "$sock" && chown postgres:postgres "$sock" && chmod 700 "$sock"
  echo "$sock"
}

# Create a cluster in DIR (owned by postgres, mode 700) unless one exists.
pg_init() {
  local dir out
  dir=$(infra_abspath "$1")
  [[ -f $dir/PG_VERSION ]] && return 0
  infra_require_root || return 1
  mkdir -p -- "$dir"
  chown postgres:postgres -- "$dir"
  chmod 700 -- "$dir"
  infra_make_traversable "$dir"
  infra_log "initdb $dir"
  # Explicit UTF8/C.UTF-8: without a locale in the environment initdb would
  # pick SQL_ASCII. trust auth: throwaway/dev clusters reachable on loopback only.
  out=$(infra_as_postgres "$INFRA_PG_BIN/initdb" -D "$dir" -U postgres -A trust \
          --no-sync -E UTF8 --locale=C.UTF-8 2>&1) || {
    infra_err "initdb failed:"; printf '%s\n' "$out" >&2; return 1; }
}

# Postmaster PID of the server running on DIR, if any (zombie-aware, unlike
# `pg_ctl status`, which is fooled by a stale pid file + zombie postmaster).
pg_running_pid() {
  local dir pid
  dir=$(infra_abspath "$1")
  pid=$(infra_read_pid "$dir/postmaster.pid" 2>/dev/null) || return 1
  infra_pid_alive "$pid" || return 1
  echo "$pid"
}

# pg_start DIR PORT [extra postgres args...]: init if needed, start, wait.
# Tuned for throwaway test clusters (no fsync, many pooled connections).
pg_start() {
  (( $# >= 2 )) || { infra_err "usage: pg_start DIR PORT [postgres args...]"; return 1; }
  local dir port sock opts t0 pid
  dir=$(infra_abspath "$1"); port=$2; shift 2
  if pid=$(pg_running_pid "$dir"); then
    infra_log "postgres already running on $dir (pid $pid)"
    return 0
  fi
  infra_require_root || return 1
  infra_require_port_free "$port" postgres || return 1
  t0=$(infra_now_ms)
  pg_init "$dir" || return 1
  sock=$(infra_pg_sockdir "$dir")
  # pg_ctl runs the -o string through sh, hence %q for the path.
  opts="-p $port -k $(printf '%q' "$sock") -c listen_addresses=127.0.0.1"
  opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
  (( $# )) && opts+=" $(printf '%q ' "$@")"
  infra_as_postgres "$INFRA_PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 -o "$opts" start >/dev/null || {
    infra_err "postgres failed to start; tail of $dir/server.log:"
    tail -n 20 "$dir/server.log" >&2 || true
    return 1
  }
  "$INFRA_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -t 10 || { infra_err "postgres on $port not ready"; return 1; }
  infra_log "postgres ready on 127.0.0.1:$port (pid $(pg_running_pid "$dir"), $(infra_elapsed "$t0")s)"
}

# pg_stop DIR: fast shutdown (disconnect clients, clean checkpoint).
pg_stop() {
  local dir pid
  dir=$(infra_abspath "$1")
  if ! pid=$(pg_running_pid "$dir"); then
    infra_log "postgres not running on $dir"
    return 0
  fi
  if ! infra_as_postgres "$INFRA_PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null; then
    infra_log "pg_ctl stop failed, killing postmaster $pid"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  infra_wait_pid_exit "$pid" 30 || true
  infra_log "postgres stopped ($dir)"
}

# --------------------------------------------------------------------------
# RabbitMQ
# --------------------------------------------------------------------------
# Layout of a node DIR:
#   rabbit.env       exported variables for rabbitmq-server / rabbitmqctl
#   rabbitmq.conf, enabled_plugins, rabbitmq-env.conf (empty: ignore /etc)
#   home/            HOME -> holds this node's .erlang.cookie
#   mnesia/ log/     data and logs
#   rabbit.pid       beam.smp pid (written by the node itself)
#   server.pid       rabbitmq-server wrapper pid, epmd.pid: our epmd

# Quote a value for a sourceable `export NAME=value` line.
infra_export_line() { printf 'export %s=%q\n' "$1" "$2"; }

# rabbit_prepare DIR NAME AMQP MGMT DIST EPMD: write config + rabbit.env.
# Idempotent; data under mnesia/ is kept.
rabbit_prepare() {
  (( $# == 6 )) || { infra_err "usage: rabbit_prepare DIR NAME AMQP_PORT MGMT_PORT DIST_PORT EPMD_PORT"; return 1; }
  local dir=$1 name=$2 amqp=$3 mgmt=$4 dist=$5 epmd=$6
  dir=$(infra_abspath "$dir")
  mkdir -p -- "$dir/home" "$dir/mnesia" "$dir/log"
  chmod 700 -- "$dir/home"   # Erlang insists the cookie is private
  cat >"$dir/rabbitmq.conf" <<CONF
# Generated by scripts/lib/infra.sh - loopback only.
listeners.tcp.default = 127.0.0.1:$amqp
management.tcp.port = $mgmt
management.tcp.ip = 127.0.0.1
CONF
  echo '[rabbitmq_management].' >"$dir/enabled_plugins"
  : >"$dir/rabbitmq-env.conf"
  {
    echo "# Generated by scripts/lib/infra.sh. Use via rabbit_ctl (sourcing it changes HOME)."
    infra_export_line HOME "$dir/home"
    infra_export_line RABBITMQ_NODENAME "$name@localhost"
    infra_export_line RABBITMQ_DIST_PORT "$dist"
    infra_export_line RABBITMQ_MNESIA_BASE "$dir/mnesia"
    infra_export_line RABBITMQ_LOG_BASE "$dir/log"
    infra_export_line RABBITMQ_PID_FILE "$dir/rabbit.pid"
    infra_export_line RABBITMQ_CONFIG_FILE "$dir/rabbitmq.conf"
    infra_export_line RABBITMQ_ADVANCED_CONFIG_FILE "$dir/advanced.config"
    infra_export_line RABBITMQ_ENABLED_PLUGINS_FILE "$dir/enabled_plugins"
    infra_export_line RABBITMQ_CONF_ENV_FILE "$dir/rabbitmq-env.conf"
    # Keep Erlang distribution on loopback too.
    infra_export_line RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS "-kernel inet_dist_use_interface {127,0,0,1}"
    # The node must register with *our* epmd; otherwise Erlang spawns a stray
    # `epmd -daemon` that outlives everything.
    infra_export_line ERL_EPMD_PORT "$epmd"
    # CLI tools skip epmd entirely: connect straight to the node's dist port,
    # don't listen, never start an epmd. So rabbitmqctl works (and leaves no
    # stray epmd) even while/after our epmd is stopped.
    infra_export_line RABBITMQ_CTL_ERL_ARGS "-start_epmd false -dist_listen false -erl_epmd_port $dist"
    # Not used by RabbitMQ; remembered for readiness checks / status.
    infra_export_line INFRA_RABBIT_AMQP_PORT "$amqp"
    infra_export_line INFRA_RABBIT_MGMT_PORT "$mgmt"
    infra_export_line INFRA_RABBIT_EPMD_PORT "$epmd"
  } >"$dir/rabbit.env"
}

# Print a variable from DIR/rabbit.env without polluting the caller.
infra_rabbit_env() { (set +u; . "$1/rabbit.env" && eval "printf '%s' \"\${$2}\""); }

# Start our own epmd in the background (not -daemon, so we know its pid).
infra_start_epmd() {
  local dir=$1 port=$2 pid
  pid=$(infra_read_pid "$dir/epmd.pid" 2>/dev/null) || true
  if infra_pid_alive "$pid" && infra_epmd_up "$port"; then return 0; fi
  infra_require_port_free "$port" epmd || return 1
  # Command substitution = subshell without job control, so setsid does not
  # fork and $! is epmd itself. setsid detaches it from our terminal/session.
  pid=$(setsid epmd -port "$port" -address 127.0.0.1 >"$dir/log/epmd.log" 2>&1 </dev/null & echo $!)
  echo "$pid" >"$dir/epmd.pid"
  local deadline=$((SECONDS + 10))
  until infra_epmd_up "$port"; do
    infra_pid_alive "$pid" || { infra_err "epmd exited:"; cat "$dir/log/epmd.log" >&2; return 1; }
    (( SECONDS < deadline )) || { infra_err "epmd not listening on $port"; return 1; }
    sleep 0.1
  done
}

# Wait until AMQP accepts connections AND the management API answers.
rabbit_wait_ready() {
  local dir timeout amqp mgmt deadline beam wrapper
  dir=$(infra_abspath "$1"); timeout=${2:-120}
  amqp=$(infra_rabbit_env "$dir" INFRA_RABBIT_AMQP_PORT)
  mgmt=$(infra_rabbit_env "$dir" INFRA_RABBIT_MGMT_PORT)
  deadline=$((SECONDS + timeout))
  until infra_port_open "$amqp" &&
        curl -sf -o /dev/null --max-time 3 -u guest:guest "http://127.0.0.1:$mgmt/api/overview"; do
    beam=$(infra_read_pid "$dir/rabbit.pid" 2>/dev/null) || true
    wrapper=$(infra_read_pid "$dir/server.pid" 2>/dev/null) || true
    if ! infra_pid_alive "$beam" && ! infra_pid_alive "$wrapper"; then
      infra_err "rabbitmq node exited; see $dir/log (console.log tail):"
      tail -n 30 "$dir/log/console.log" >&2 2>/dev/null || true
      return 1
    fi
    (( SECONDS < deadline )) || { infra_err "rabbitmq not ready after ${timeout}s"; return 1; }
    sleep 0.25
  done
}

# PID of the node's beam.smp, if running.
rabbit_running_pid() {
  local dir pid
  dir=$(infra_abspath "$1")
  pid=$(infra_read_pid "$dir/rabbit.pid" 2>/dev/null) || return 1
  infra_pid_alive "$pid" || return 1
  echo "$pid"
}

# rabbit_start DIR NAME AMQP MGMT DIST EPMD: isolated node + management plugin,
# running in the background; returns once AMQP and the HTTP API answer.
rabbit_start() {
  (( $# == 6 )) || { infra_err "usage: rabbit_start DIR NAME AMQP_PORT MGMT_PORT DIST_PORT EPMD_PORT"; return 1; }
  local dir=$1 name=$2 amqp=$3 mgmt=$4 dist=$5 epmd=$6 t0 pid
  dir=$(infra_abspath "$dir")
  if [[ -f $dir/rabbit.env ]] && pid=$(rabbit_running_pid "$dir") && infra_port_open "$amqp"; then
    infra_log "rabbitmq already running in $dir (pid $pid)"
    return 0
  fi
  infra_require_port_free "$amqp" "rabbitmq amqp" || return 1
  infra_require_port_free "$mgmt" "rabbitmq management" || return 1
  infra_require_port_free "$dist" "rabbitmq distribution" || return 1
  t0=$(infra_now_ms)
  rabbit_prepare "$dir" "$name" "$amqp" "$mgmt" "$dist" "$epmd" || return 1
  rm -f -- "$dir/rabbit.pid"
  infra_start_epmd "$dir" "$epmd" || return 1
  # Run the foreground wrapper (it forwards SIGTERM to the VM) detached in its
  # own session, output to log/console.log. See infra_start_epmd for $!.
  pid=$(set -a; . "$dir/rabbit.env"; set +a; cd "$dir" || exit 1
        setsid "$INFRA_RABBIT_BIN/rabbitmq-server" >"$dir/log/console.log" 2>&1 </dev/null & echo $!)
  echo "$pid" >"$dir/server.pid"
  rabbit_wait_ready "$dir" 120 || return 1
  infra_log "rabbitmq $name@localhost ready: amqp 127.0.0.1:$amqp, management :$mgmt (pid $(rabbit_running_pid "$dir"), $(infra_elapsed "$t0")s)"
}

# RabbitMQ 3.10 stalls ~5s whenever the rabbit app stops (stop_app, SIGTERM):
# the management agent's rabbit_event handler calls back into rabbit_event
# from its terminate/2 while rabbit_event itself is terminating, and waits
# until the supervisor's 5s shutdown timeout kills it. Removing that handler
# first (from another process, no deadlock) avoids the stall; `start_app` /
# a node boot re-adds it. Best effort: a no-op if the handler is not there.
rabbit_detach_mgmt_handler() {
  INFRA_RABBIT_CLI_TIMEOUT=20 rabbit_ctl "$1" -q eval \
    'gen_event:delete_handler(rabbit_event, rabbit_mgmt_db_handler, []).' >/dev/null 2>&1 || true
}

# rabbit_stop_app DIR: `rabbitmqctl stop_app` (VM stays up; start_app brings
# the broker back), without the 5s stall; falls back to plain stop_app.
rabbit_stop_app() {
  local dir=$1
  rabbit_ctl "$dir" -q eval 'gen_event:delete_handler(rabbit_event, rabbit_mgmt_db_handler, []), ok = rabbit:stop().' >/dev/null ||
    rabbit_ctl "$dir" -q stop_app >/dev/null
}

# rabbit_stop DIR: SIGTERM the VM (graceful shutdown), then our epmd.
rabbit_stop() {
  local dir beam wrapper epmd
  dir=$(infra_abspath "$1")
  beam=$(infra_read_pid "$dir/rabbit.pid" 2>/dev/null) || true
  wrapper=$(infra_read_pid "$dir/server.pid" 2>/dev/null) || true
  epmd=$(infra_read_pid "$dir/epmd.pid" 2>/dev/null) || true
  if infra_pid_alive "$beam" || infra_pid_alive "$wrapper"; then
    infra_pid_alive "$beam" && rabbit_detach_mgmt_handler "$dir"
    infra_terminate "$beam" "rabbitmq node" 60
    infra_terminate "$wrapper" "rabbitmq-server wrapper" 10
    infra_log "rabbitmq stopped ($dir)"
  else
    infra_log "rabbitmq not running in $dir"
  fi
  if infra_pid_alive "$epmd"; then
    infra_terminate "$epmd" epmd 5
    infra_log "epmd stopped"
  fi
  rm -f -- "$dir/rabbit.pid" "$dir/server.pid" "$dir/epmd.pid"
}

# rabbit_cli DIR TOOL args...: run a RabbitMQ CLI tool (rabbitmqctl,
# rabbitmq-diagnostics, ...) against the node in DIR, epmd-less (see
# RABBITMQ_CTL_ERL_ARGS above). The Debian wrappers in /usr/sbin would
# `su rabbitmq` and drop our environment, so call the real ones.
rabbit_cli() {
  local dir tool
  dir=$(infra_abspath "$1"); tool=$2; shift 2
  [[ -f $dir/rabbit.env ]] || { infra_err "no $dir/rabbit.env (node never prepared)"; return 1; }
  (
    set -a; . "$dir/rabbit.env"; set +a
    # Optional hard limit (seconds) for callers that must not hang.
    if [[ -n ${INFRA_RABBIT_CLI_TIMEOUT:-} ]]; then
      exec timeout "$INFRA_RABBIT_CLI_TIMEOUT" "$INFRA_RABBIT_BIN/$tool" "$@"
    fi
    exec "$INFRA_RABBIT_BIN/$tool" "$@"
  )
}

rabbit_ctl() {
  (( $# >= 1 )) || { infra_err "usage: rabbit_ctl DIR args..."; return 1; }
  local dir=$1; shift
  rabbit_cli "$dir" rabbitmqctl "$@"
}

#!/usr/bin/env bash
# Starts a local Docker engine for the tests and builds the local test image, unless both are already there.
# Usage: scripts/test-engine.sh [start|stop]
# The engine runs without iptables and without the default bridge, because the test sandbox has neither;
# tests publish ports on user-defined networks instead.
set -euo pipefail

SOCKET=${FLEETBENCH_TEST_DOCKER_SOCKET:-/var/run/docker.sock}
IMAGE=local/busybox:1
LOG=${FLEETBENCH_TEST_ENGINE_LOG:-/tmp/fleetbench-dockerd.log}

engine_ready() {
  docker -H "unix://$SOCKET" info >/dev/null 2>&1
}

start_engine() {
  if engine_ready; then
    echo "Docker engine already answers on $SOCKET"
  else
    if ! command -v dockerd >/dev/null 2>&1; then
      echo "dockerd is not installed: run 'apt-get install -y docker.io busybox-static' first" >&2
      exit 1
    fi
    echo "Starting dockerd on $SOCKET, log in $LOG"
    nohup dockerd --iptables=false --ip6tables=false --bridge=none -H "unix://$SOCKET" >"$LOG" 2>&1 &
    for _ in $(seq 1 60); do
      engine_ready && break
      sleep 1
    done
    if ! engine_ready; then
      echo "dockerd did not answer on $SOCKET within 60 s; last lines of $LOG:" >&2
      tail -20 "$LOG" >&2
      exit 1
    fi
  fi

  if docker -H "unix://$SOCKET" image inspect "$IMAGE" >/dev/null 2>&1; then
    echo "Test image $IMAGE is present"
  else
    local busybox rootfs
    # busybox-static installs a statically linked /bin/busybox, which runs in an image without libraries.
    busybox=/bin/busybox
    if [ ! -x "$busybox" ]; then
      echo "busybox is not installed: run 'apt-get install -y busybox-static' first" >&2
      exit 1
    fi
    rootfs=$(mktemp -d)
    mkdir -p "$rootfs/bin" "$rootfs/tmp" "$rootfs/etc"
    cp "$busybox" "$rootfs/bin/busybox"
    for tool in sh sleep cat ls echo id env true; do
      ln -s busybox "$rootfs/bin/$tool"
    done
    tar -C "$rootfs" -c . | docker -H "unix://$SOCKET" import - "$IMAGE" >/dev/null
    rm -rf "$rootfs"
    echo "Built test image $IMAGE with docker import"
  fi
}

stop_engine() {
  if [ -f /var/run/docker.pid ]; then
    kill "$(cat /var/run/docker.pid)" 2>/dev/null || true
  fi
}

case "${1:-start}" in
  start) start_engine ;;
  stop) stop_engine ;;
  *) echo "Unknown command '$1': use start or stop" >&2; exit 2 ;;
esac

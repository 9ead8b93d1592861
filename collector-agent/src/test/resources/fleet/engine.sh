#!/bin/sh
# Starts or stops one private dockerd for the collector agent's tests, beside any engine on /var/run/docker.sock.
# Every path of the engine lives under FOLDER: the socket, data root, exec root, pid file, daemon.json and log.
# Keep FOLDER short (under about 40 characters), because the socket and containerd's sockets live in it.
#
#   engine.sh start FOLDER DAEMON_JSON   starts dockerd with DAEMON_JSON as its --config-file and imports
#                                        local/busybox:1 from /bin/busybox; prints the socket path
#   engine.sh stop FOLDER                stops that dockerd, waits for it to exit and removes FOLDER
#
# It needs root, dockerd (Debian's docker.io) and /bin/busybox (busybox-static). The flags match the test engine:
# no iptables rules and no default bridge, because the sandbox allows neither.
set -eu

command=${1:?usage: engine.sh start FOLDER DAEMON_JSON | engine.sh stop FOLDER}
folder=${2:?missing FOLDER}
socket="$folder/docker.sock"

case "$command" in
  start)
    config=${3:?missing DAEMON_JSON}
    mkdir -p "$folder/data" "$folder/exec"
    cp "$config" "$folder/daemon.json"
    dockerd --iptables=false --ip6tables=false --bridge=none \
      --data-root "$folder/data" --exec-root "$folder/exec" --pidfile "$folder/dockerd.pid" \
      --config-file "$folder/daemon.json" -H "unix://$socket" >"$folder/dockerd.log" 2>&1 &
    tries=0
    until docker -H "unix://$socket" version >/dev/null 2>&1; do
      tries=$((tries + 1))
      if [ "$tries" -gt 300 ]; then
        echo "dockerd did not answer on $socket within 30 s; last lines of $folder/dockerd.log:" >&2
        tail -n 20 "$folder/dockerd.log" >&2
        exit 1
      fi
      sleep 0.1
    done
    rootfs="$folder/rootfs"
    mkdir -p "$rootfs/bin"
    cp /bin/busybox "$rootfs/bin/busybox"
    for tool in sh sleep cat ls; do
      ln -sf busybox "$rootfs/bin/$tool"
    done
    tar -C "$rootfs" -c . | docker -H "unix://$socket" import - local/busybox:1 >/dev/null
    rm -rf "$rootfs"
    echo "$socket"
    ;;
  stop)
    if [ -f "$folder/dockerd.pid" ]; then
      pid=$(cat "$folder/dockerd.pid")
      kill "$pid" 2>/dev/null || true
      tries=0
      while kill -0 "$pid" 2>/dev/null; do
        tries=$((tries + 1))
        if [ "$tries" -gt 200 ]; then
          kill -9 "$pid" 2>/dev/null || true
          break
        fi
        sleep 0.1
      done
    fi
    # dockerd unmounts its containers when it stops; a folder that still has a mount is left for inspection.
    if ! grep -q " $folder/" /proc/mounts; then
      rm -rf "$folder"
    fi
    ;;
  *)
    echo "unknown command '$command': use start or stop" >&2
    exit 2
    ;;
esac

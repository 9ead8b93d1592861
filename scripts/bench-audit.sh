#!/usr/bin/env bash
# Times docker-bench-security and `fleetbench audit` on the same private Docker engine with N running containers.
# Usage: [ROUNDS=N] scripts/bench-audit.sh DOCKER_BENCH_SECURITY_DIR COUNT [COUNT ...]
# Needs root, dockerd, busybox-static, jq and ss, and the jar from `./mvnw -DskipTests install`. The engine runs in
# a temporary folder with its own socket, so containers of other engine users are not counted.
# Fleetbench runs through the ./fleetbench launcher (extracted jar and AppCDS archive) and, for comparison, as
# `java -jar` on the executable jar. The launcher's first audit of a build records its archive, and that run is timed
# on a line of its own. Each count runs ROUNDS rounds (default 1) of every tool, one after another, and prints the
# load average before each round.
set -euo pipefail

dbs_dir=$1
shift
rounds=${ROUNDS:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/standalone/target/fleetbench-exec.jar"
launcher="$root/fleetbench"
# The jar under test is the one already built, so the launcher must not rebuild it from sources edited since.
export FLEETBENCH_SKIP_BUILD=1
work=$(mktemp -d /tmp/fleetbench-bench-XXXXXX)
socket="$work/docker.sock"
export DOCKER_HOST="unix://$socket"

cleanup() {
  docker ps -aq | xargs -r docker rm -f >/dev/null 2>&1 || true
  [ -f "$work/dockerd.pid" ] && kill "$(cat "$work/dockerd.pid")" 2>/dev/null || true
  sleep 2
  rm -rf "$work"
}
trap cleanup EXIT

echo '{}' > "$work/daemon.json"
dockerd --iptables=false --ip6tables=false --bridge=none --data-root "$work/data" --exec-root "$work/exec" \
  --pidfile "$work/dockerd.pid" -H "$DOCKER_HOST" --config-file "$work/daemon.json" >"$work/dockerd.log" 2>&1 &
for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done

rootfs="$work/rootfs"
mkdir -p "$rootfs/bin"
cp /bin/busybox "$rootfs/bin/busybox"
ln -s busybox "$rootfs/bin/sleep"
tar -C "$rootfs" -c . | docker import - local/busybox:1 >/dev/null

rm -rf "$root/standalone/target/fleetbench-exec-launch"
/usr/bin/time -f "0 containers, fleetbench first run after the build (extracts the jar, records the archive): %e s wall, %U s user, %S s system" \
  "$launcher" audit --docker-host "$DOCKER_HOST" --no-color -q >/dev/null 2>"$work/time.txt" || true
tail -1 "$work/time.txt"

running=0
for count in "$@"; do
  while [ "$running" -lt "$count" ]; do
    docker run -d --network none local/busybox:1 /bin/sleep 3600 >/dev/null
    running=$((running + 1))
  done
  for round in $(seq 1 "$rounds"); do
    echo "$count containers, round $round, load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
    for tool in docker-bench-security fleetbench-1.8.0 fleetbench-1.6.0 fleetbench-1.8.0-java-jar; do
      case $tool in
        docker-bench-security) command=(bash -c "cd '$dbs_dir' && bash docker-bench-security.sh >/dev/null 2>&1") ;;
        fleetbench-1.8.0) command=("$launcher" audit --docker-host "$DOCKER_HOST" --no-color -q) ;;
        fleetbench-1.6.0) command=("$launcher" audit --docker-host "$DOCKER_HOST" --benchmark 1.6.0 --no-color -q) ;;
        fleetbench-1.8.0-java-jar) command=(java -jar "$jar" audit --docker-host "$DOCKER_HOST" --no-color -q) ;;
      esac
      /usr/bin/time -f "$count containers, $tool: %e s wall, %U s user, %S s system" "${command[@]}" >/dev/null 2>"$work/time.txt" || true
      tail -1 "$work/time.txt"
    done
  done
done

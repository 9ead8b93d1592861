#!/usr/bin/env bash
# Captures raw Engine API JSON for the `mixed` scenario from a real engine, for the collector and rule tests.
#
# Usage: capture.sh [scenario]      (default scenario: mixed)
# Needs: a running engine on $DOCKER_SOCKET (default /var/run/docker.sock) with the image local/busybox:1
#        (scripts/test-engine.sh start builds it), the docker CLI, curl and jq.
# Writes: <api-version>/<scenario>/{version,info,networks}.json, containers/<name>.json, images/<name>.json
#         and index.txt (the list of container and image files) next to this script, then removes every
#         container, image and network it created.
set -euo pipefail

SCENARIO=${1:-mixed}
SOCKET=${DOCKER_SOCKET:-/var/run/docker.sock}
API=1.41
HERE=$(cd "$(dirname "$0")" && pwd)
OUT="$HERE/$API/$SCENARIO"
NETWORK=fleetbench-fixture
BASE_IMAGE=local/busybox:1
BUILT_IMAGE=local/busybox-user:1
SLEEP=(/bin/sleep 600)
CONTAINERS=(hardened host-net socket socket-ro run-parent caps secret-env host-pid seccomp-unconfined nnp-false
  etc-mount published privileged stopped)

# Secret values planted on purpose: the assembler must drop every one of them. Keep this list in sync with
# EngineFixtures.PLANTED_SECRETS.
DB_PASSWORD_VALUE=fixture-db-password-5b1e7c
AWS_KEY_VALUE=AKIAQFLEETBENCHFIXTR
LABEL_TOKEN_VALUE=fixture-label-token-93d0aa
IMAGE_SECRET_VALUE=fixture-image-secret-2c7f41
IMAGE_LABEL_PASSWORD_VALUE=fixture-image-label-password-8e4d19
BUILD_ARG_VALUE=fixture-build-arg-6a0f3d

docker_cli() {
  docker -H "unix://$SOCKET" "$@"
}

api_get() {
  curl --fail --silent --show-error --unix-socket "$SOCKET" "http://localhost/v$API$1"
}

cleanup() {
  docker_cli rm -f "${CONTAINERS[@]}" >/dev/null 2>&1 || true
  docker_cli network rm "$NETWORK" >/dev/null 2>&1 || true
  docker_cli image rm "$BUILT_IMAGE" >/dev/null 2>&1 || true
}

build_user_image() {
  local context
  context=$(mktemp -d)
  cat >"$context/Dockerfile" <<EOF
FROM $BASE_IMAGE
ARG BUILD_TOKEN
RUN ["/bin/sh", "-c", "/bin/echo \$BUILD_TOKEN > /dev/null"]
ENV APP_HOME=/app SESSION_SECRET=$IMAGE_SECRET_VALUE
LABEL org.opencontainers.image.title=fleetbench-fixture registry.password=$IMAGE_LABEL_PASSWORD_VALUE
USER 1000
HEALTHCHECK --interval=30s --timeout=3s CMD ["/bin/true"]
CMD ["/bin/sleep", "600"]
EOF
  # The legacy builder works from an imported base image; it runs RUN steps without a network because the
  # test engine has no default bridge.
  DOCKER_BUILDKIT=0 docker_cli build --quiet --network none --build-arg "BUILD_TOKEN=$BUILD_ARG_VALUE" \
    -t "$BUILT_IMAGE" "$context" >/dev/null
  rm -rf "$context"
}

create_containers() {
  docker_cli network create "$NETWORK" >/dev/null

  docker_cli run -d --name hardened --read-only --cap-drop ALL --security-opt no-new-privileges:true \
    --memory 64m --pids-limit 64 --cpu-shares 512 --user 1000:1000 --network none "$BASE_IMAGE" "${SLEEP[@]}"
  docker_cli run -d --name host-net --network host "$BASE_IMAGE" "${SLEEP[@]}"
  docker_cli run -d --name socket --network none -v /var/run/docker.sock:/var/run/docker.sock \
    "$BASE_IMAGE" "${SLEEP[@]}"
  docker_cli run -d --name socket-ro --network none -v /var/run/docker.sock:/var/run/docker.sock:ro \
    "$BASE_IMAGE" "${SLEEP[@]}"
  docker_cli run -d --name run-parent --network none -v /run:/host-run "$BASE_IMAGE" "${SLEEP[@]}"
  docker_cli run -d --name caps --network none --cap-add SYS_ADMIN --cap-add NET_ADMIN "$BASE_IMAGE" "${SLEEP[@]}"
  docker_cli run -d --name secret-env --network none \
    -e "DB_PASSWORD=$DB_PASSWORD_VALUE" -e API_TOKEN_FILE=/run/secrets/token -e PLAIN=hello \
    -e "UPSTREAM_KEY_ID=$AWS_KEY_VALUE" \
    --label com.example.team=payments --label "com.example.deploy-token=$LABEL_TOKEN_VALUE" \
    "$BASE_IMAGE" "${SLEEP[@]}"
  docker_cli run -d --name host-pid --network none --pid host "$BASE_IMAGE" "${SLEEP[@]}"
  docker_cli run -d --name seccomp-unconfined --network none --security-opt seccomp=unconfined \
    "$BASE_IMAGE" "${SLEEP[@]}"
  docker_cli run -d --name nnp-false --network none --security-opt no-new-privileges=false \
    "$BASE_IMAGE" "${SLEEP[@]}"
  docker_cli run -d --name etc-mount --network none -v /etc:/host-etc:ro "$BASE_IMAGE" "${SLEEP[@]}"
  docker_cli run -d --name published --network "$NETWORK" -p 8080:80 -p 127.0.0.1:8081:81 \
    "$BUILT_IMAGE" "${SLEEP[@]}"
  # The test sandbox cannot start a privileged container, so this one is only created.
  docker_cli create --name privileged --network none --privileged "$BASE_IMAGE" "${SLEEP[@]}"
  docker_cli run --name stopped --network none "$BASE_IMAGE" /bin/true
}

capture() {
  rm -rf "$OUT"
  mkdir -p "$OUT/containers" "$OUT/images"
  api_get /version | jq . >"$OUT/version.json"
  api_get /info | jq . >"$OUT/info.json"
  # Only the networks this scenario uses, so that networks of other work on the same engine stay out.
  api_get /networks | jq --arg fixture "$NETWORK" \
    '[.[] | select(.Name == "host" or .Name == "none" or .Name == $fixture)] | sort_by(.Name)' >"$OUT/networks.json"
  local name
  for name in "${CONTAINERS[@]}"; do
    api_get "/containers/$name/json" | jq . >"$OUT/containers/$name.json"
  done
  api_get "/images/$BASE_IMAGE/json" | jq . >"$OUT/images/busybox.json"
  api_get "/images/$BUILT_IMAGE/json" | jq . >"$OUT/images/busybox-user.json"
  # Lists the captured files, because a loader cannot list a folder inside a jar.
  (cd "$OUT" && find containers images -name '*.json' | LC_ALL=C sort) >"$OUT/index.txt"
}

trap cleanup EXIT
cleanup
build_user_image
create_containers >/dev/null
capture
echo "Captured scenario $SCENARIO from engine $(jq -r .Version "$OUT/version.json") into $OUT"

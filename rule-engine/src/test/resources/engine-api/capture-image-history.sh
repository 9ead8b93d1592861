#!/usr/bin/env bash
# Captures raw Engine API JSON of images whose build history sets secret-looking variables, for the image-history
# rule tests.
#
# Usage: capture-image-history.sh
# Needs: a running engine on $DOCKER_SOCKET (default /var/run/docker.sock) with the image local/busybox:1
#        (scripts/test-engine.sh start builds it), the docker CLI, curl and jq.
# Writes: 1.41/image-history/<name>.json (GET /images/<reference>/json) and <name>-history.json
#         (GET /images/<reference>/history) next to this script, then removes the images it built.
set -euo pipefail

SOCKET=${DOCKER_SOCKET:-/var/run/docker.sock}
API=1.41
HERE=$(cd "$(dirname "$0")" && pwd)
OUT="$HERE/$API/image-history"
BASE_IMAGE=local/busybox:1
CLEAN_IMAGE=local/fleetbench-history-clean:1
SECRETS_IMAGE=local/fleetbench-history-secrets:1

# Secret values planted on purpose. The agent redacts them in the history, and no finding may contain them.
# Keep this list in sync with NoSecretsInImageHistoryTests.PLANTED_SECRETS.
BUILD_TOKEN_VALUE=history-build-token-41c9e2
NPM_TOKEN_VALUE=history-npm-token-d07b3a
DB_PASSWORD_VALUE=history-db-password-7f2a61
API_KEY_VALUE=history-api-key-0e8c55
LABEL_PASSWORD_VALUE=history-label-password-b3d914
AWS_KEY_VALUE=AKIAQHISTORYFIXTURE7

docker_cli() {
  docker -H "unix://$SOCKET" "$@"
}

api_get() {
  curl --fail --silent --show-error --unix-socket "$SOCKET" "http://localhost/v$API$1"
}

cleanup() {
  docker_cli image rm "$CLEAN_IMAGE" "$SECRETS_IMAGE" >/dev/null 2>&1 || true
}

# Builds an image from the Dockerfile on standard input with the legacy builder, which works from an imported
# base image and runs RUN steps without a network because the test engine has no default bridge.
build() {
  local tag=$1
  shift
  local context
  context=$(mktemp -d)
  cat >"$context/Dockerfile"
  DOCKER_BUILDKIT=0 docker_cli build --quiet --no-cache --network none "$@" -t "$tag" "$context" >/dev/null
  rm -rf "$context"
}

build_images() {
  build "$CLEAN_IMAGE" --build-arg VERSION=1.4.2 <<DOCKERFILE
FROM $BASE_IMAGE
ARG VERSION=1.0.0
RUN ["/bin/sh", "-c", "/bin/echo \$VERSION > /dev/null"]
ENV APP_HOME=/app LANG=C.UTF-8
ENV API_TOKEN_FILE=/run/secrets/api-token
LABEL org.opencontainers.image.title=fleetbench-history-clean
USER 1000
CMD ["/bin/sleep", "600"]
DOCKERFILE
  build "$SECRETS_IMAGE" --build-arg "BUILD_TOKEN=$BUILD_TOKEN_VALUE" <<DOCKERFILE
FROM $BASE_IMAGE
ARG BUILD_TOKEN
ARG NPM_TOKEN=$NPM_TOKEN_VALUE
RUN ["/bin/sh", "-c", "/bin/echo \$BUILD_TOKEN \$NPM_TOKEN > /dev/null"]
ENV APP_HOME=/app DB_PASSWORD=$DB_PASSWORD_VALUE
ENV API_KEY $API_KEY_VALUE
ENV UPSTREAM_KEY_ID=$AWS_KEY_VALUE
LABEL org.opencontainers.image.title=fleetbench-history-secrets registry.password=$LABEL_PASSWORD_VALUE
USER 1000
CMD ["/bin/sleep", "600"]
DOCKERFILE
}

capture() {
  rm -rf "$OUT"
  mkdir -p "$OUT"
  local name reference
  for name in busybox clean secrets; do
    case $name in
      busybox) reference=$BASE_IMAGE ;;
      clean) reference=$CLEAN_IMAGE ;;
      secrets) reference=$SECRETS_IMAGE ;;
    esac
    api_get "/images/$reference/json" | jq . >"$OUT/$name.json"
    api_get "/images/$reference/history" | jq . >"$OUT/$name-history.json"
  done
}

trap cleanup EXIT
cleanup
build_images
capture
echo "Captured image histories from engine $(api_get /version | jq -r .Version) into $OUT"

#!/bin/sh
# One-shot job of docker-compose.yml: registers this product's custom search attributes
# (workflows/search-attributes.ts) on the Temporal server. Workflows that upsert an attribute
# the server does not know fail, so api and worker start only after this job succeeded.
# Safe to run again: an attribute that is already registered is left alone.
#
# Environment: SEARCH_ATTRIBUTES ("Name=Type Name=Type"), NAMESPACE (default: default),
# TEMPORAL_ADDRESS (read by the temporal CLI itself).
set -eu

: "${NAMESPACE:=default}"
: "${SEARCH_ATTRIBUTES:?SEARCH_ATTRIBUTES must list Name=Type pairs}"

# Runs a check every 2 s for up to 3 minutes; a job that never ends would hang `compose up`.
wait_for() {
  what=$1
  shift
  tries=0
  until "$@" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -ge 90 ]; then
      echo "temporal-init: gave up waiting for $what" >&2
      exit 1
    fi
    sleep 2
  done
}

serving() {
  temporal operator cluster health 2>/dev/null | grep -q SERVING
}

namespace_exists() {
  temporal operator namespace describe --namespace "$NAMESPACE"
}

registered() {
  temporal operator search-attribute list --namespace "$NAMESPACE" 2>/dev/null | grep -qw "$1"
}

echo "temporal-init: waiting for ${TEMPORAL_ADDRESS:-the server} and namespace $NAMESPACE"
wait_for "the server" serving
# auto-setup registers the default namespace in the background once the server serves.
wait_for "namespace $NAMESPACE" namespace_exists

for pair in $SEARCH_ATTRIBUTES; do
  name=${pair%%=*}
  type=${pair#*=}
  if registered "$name"; then
    echo "temporal-init: $name already registered"
    continue
  fi
  if out=$(temporal operator search-attribute create --namespace "$NAMESPACE" \
    --name "$name" --type "$type" 2>&1); then
    echo "temporal-init: $name ($type) registered"
  else
    case $out in
      *"already exists"* | *"already registered"*) echo "temporal-init: $name already registered" ;;
      *)
        echo "$out" >&2
        exit 1
        ;;
    esac
  fi
done

# The server caches a namespace's attributes; wait until it answers with them, so the first
# workflow that upserts one does not race the cache refresh.
for pair in $SEARCH_ATTRIBUTES; do
  wait_for "${pair%%=*} to be listed" registered "${pair%%=*}"
done
echo "temporal-init: done"

#!/usr/bin/env bash
# Rolls the platform out to the current kubectl context in order:
#   1. the namespace, RabbitMQ (RabbitmqCluster) and, in dev, SQL Server;
#   2. settings and (dev) generated secrets;
#   3. the database-setup Job (database, one login per service and one for the gateway), waited for;
#   4. one migration Job per service and one for the gateway (--migrate-only), waited for;
#   5. everything else: the services and the gateway roll out on the migrated schema.
# A failing Job stops the rollout before any service changes, so the running release keeps serving.
# Usage: deploy/k8s/rollout.sh deploy/k8s/overlays/<dev|production>   (ROLLOUT_TIMEOUT, default 15m)
set -euo pipefail

overlay=${1:?usage: deploy/k8s/rollout.sh <overlay directory>}
timeout=${ROLLOUT_TIMEOUT:-15m}
rendered=$(mktemp)
trap 'rm -f "$rendered"' EXIT

kubectl kustomize "$overlay" > "$rendered"
namespace=$(awk '/^kind: Namespace$/ { ns = 1 } ns && /^  name: / { print $2; exit }' "$rendered")
namespace=${namespace:?the overlay declares no Namespace}
component=app.kubernetes.io/component

kubectl apply -f "$rendered" -l "$component=platform"
kubectl apply -f "$rendered" -l "$component=settings"

# A Job's pod template is immutable: the previous release's Jobs go before this release's are applied.
kubectl -n "$namespace" delete job -l "$component=database-setup" --ignore-not-found --wait=true
kubectl -n "$namespace" delete job -l "$component=migration" --ignore-not-found --wait=true

kubectl apply -f "$rendered" -l "$component=database-setup"
kubectl -n "$namespace" wait --for=condition=complete job/database-setup --timeout="$timeout"

kubectl apply -f "$rendered" -l "$component=migration"
kubectl -n "$namespace" wait --for=condition=complete job -l "$component=migration" --timeout="$timeout"

kubectl apply -f "$rendered"
kubectl -n "$namespace" rollout status deployment -l app.kubernetes.io/part-of=inventory-platform --timeout="$timeout"

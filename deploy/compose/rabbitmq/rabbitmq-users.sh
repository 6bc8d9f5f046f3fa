#!/bin/sh
# Run once by the compose service rabbitmq-setup (curlimages/curl), before any migration or service starts.
# Declares the vhost "inventory" and, for every <SERVICE>_RABBITMQ_PASSWORD in the environment, the user
# inventory_<service> with rights on that vhost only, through RabbitMQ's management API. Repeatable: PUT replaces.
# The broker's own admin user (RABBITMQ_ADMIN_PASSWORD) is for operators and is never given to a service.
set -eu
api=${RABBITMQ_API:-http://rabbitmq:15672/api}

put() {
  curl --fail-with-body --silent --show-error --retry 10 --retry-all-errors --retry-delay 3 \
    --user "${RABBITMQ_ADMIN_USER:-admin}:$RABBITMQ_ADMIN_PASSWORD" --header 'content-type: application/json' --request PUT --data "$2" "$api/$1"
}

put vhosts/inventory '{"description":"InventoryPlatform services"}'
users=0
for variable in $(env | sed -n 's/^\([A-Z]*\)_RABBITMQ_PASSWORD=.*/\1/p'); do
  service=$(echo "$variable" | tr 'A-Z' 'a-z')
  password=$(printenv "${variable}_RABBITMQ_PASSWORD")
  # The password travels inside JSON here and inside an amqp:// URI in the services: letters, digits, - and _ only.
  case $password in
    '' | *[!A-Za-z0-9_-]*) echo "rabbitmq-setup: ${variable}_RABBITMQ_PASSWORD must be letters, digits, - or _" >&2; exit 1 ;;
  esac
  put "users/inventory_$service" "{\"password\":\"$password\",\"tags\":\"\"}"
  put "permissions/inventory/inventory_$service" '{"configure":".*","write":".*","read":".*"}'
  echo "rabbitmq-setup: user inventory_$service on vhost inventory"
  users=$((users + 1))
done
[ "$users" -gt 0 ] || { echo "rabbitmq-setup: no <SERVICE>_RABBITMQ_PASSWORD given" >&2; exit 1; }

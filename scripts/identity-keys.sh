#!/usr/bin/env bash
# A new ES256 (P-256) key pair for the gateway's caller identity tokens, with openssl only:
#   scripts/identity-keys.sh KEY_ID
# prints the gateway's settings (its private key: a secret for the gateway alone) and the JWKS of the public key that
# the services take in Identity__Jwks (not a secret). See deploy/README.md, "Identity keys and their rotation".
set -euo pipefail
kid="${1:?usage: scripts/identity-keys.sh KEY_ID (e.g. gateway-2026-12)}"
pem="$(openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 2>/dev/null)"
private="$(printf '%s\n' "$pem" | openssl pkcs8 -topk8 -nocrypt -outform DER | base64 -w0)"
# The last 64 bytes of a P-256 public key's DER are the point's x and y.
xy="$(printf '%s\n' "$pem" | openssl pkey -pubout -outform DER | tail -c 64 | xxd -p -c 64)"
x="$(printf '%s' "${xy:0:64}" | xxd -r -p | base64 -w0 | tr '+/' '-_' | tr -d '=')"
y="$(printf '%s' "${xy:64:64}" | xxd -r -p | base64 -w0 | tr '+/' '-_' | tr -d '=')"
echo "# Gateway only (secret gateway-identity-keys):"
echo "Identity__SigningKeys__N__KeyId=$kid"
echo "Identity__SigningKeys__N__PrivateKey=$private"
echo "# Services (ConfigMap identity-jwks, key jwks; list every key the gateway holds):"
echo "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"$x\",\"y\":\"$y\",\"kid\":\"$kid\",\"alg\":\"ES256\",\"use\":\"sig\"}]}"

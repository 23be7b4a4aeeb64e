#!/usr/bin/env bash
# Installs Debian's PostgreSQL for the several-instances tests when it is missing (as ensure-chromium.sh does for
# the browser tests). The tests start their own throwaway cluster; nothing here starts a service.
set -euo pipefail
if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "PostgreSQL is missing; install it (apt-get install postgresql) for the PostgreSQL store's tests." >&2
  exit 1
fi
echo "Installing Debian's PostgreSQL for the store's tests..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null

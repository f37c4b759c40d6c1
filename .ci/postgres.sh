#!/usr/bin/env bash
# Installs (when missing) and starts Debian's PostgreSQL for the server test suite, then prints
# the connection URL as the last line so callers can do: TEST_DATABASE_URL=$(.ci/postgres.sh | tail -1)
# Idempotent: safe to run again while the cluster is already up. Runs as root.
set -euo pipefail

ROLE=leadpace
PASSWORD=leadpace
DATABASE=leadpace_test

log() { echo "postgres.sh: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
PORT=""

if [ -d "/etc/postgresql/$VERSION/main" ]; then
  # Debian's packaged cluster: start it unless it is already online.
  if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
    log "starting cluster $VERSION/main"
    pg_ctlcluster "$VERSION" main start >&2
  fi
  PORT=$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $3}')
else
  # No packaged cluster (e.g. a container that removed it): a private one in a temp dir.
  DATA_DIR=/tmp/leadpace-pg
  PORT=54329
  BIN=/usr/lib/postgresql/$VERSION/bin
  if [ ! -f "$DATA_DIR/PG_VERSION" ]; then
    log "initdb private cluster in $DATA_DIR"
    mkdir -p "$DATA_DIR"
    chown postgres:postgres "$DATA_DIR"
    su postgres -s /bin/bash -c "echo postgres > /tmp/leadpace-pg.pw && $BIN/initdb -D $DATA_DIR --auth-local=trust --auth-host=md5 --username=postgres --pwfile=/tmp/leadpace-pg.pw" >&2
  fi
  if ! su postgres -s /bin/bash -c "$BIN/pg_ctl -D $DATA_DIR status" >/dev/null 2>&1; then
    su postgres -s /bin/bash -c "$BIN/pg_ctl -D $DATA_DIR -l $DATA_DIR/log -o '-p $PORT -k /tmp' -w start" >&2
  fi
fi

# Wait until the server accepts connections (a fresh start takes a moment).
for _ in $(seq 1 30); do
  if su postgres -s /bin/bash -c "psql -p $PORT -h /var/run/postgresql -tAc 'select 1'" >/dev/null 2>&1 \
    || su postgres -s /bin/bash -c "psql -p $PORT -h /tmp -tAc 'select 1'" >/dev/null 2>&1; then
    break
  fi
  sleep 1
done

psql_admin() {
  su postgres -s /bin/bash -c "psql -p $PORT -h /var/run/postgresql -v ON_ERROR_STOP=1 -tAc \"$1\"" 2>/dev/null \
    || su postgres -s /bin/bash -c "psql -p $PORT -h /tmp -v ON_ERROR_STOP=1 -tAc \"$1\""
}

if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='$ROLE'")" != "1" ]; then
  log "creating role $ROLE"
  psql_admin "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'" >&2
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname='$DATABASE'")" != "1" ]; then
  log "creating database $DATABASE"
  psql_admin "CREATE DATABASE $DATABASE OWNER $ROLE" >&2
fi

echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE"

#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into a NEW database, then verify it.
#
#   scripts/restore.sh ARCHIVE TARGET_URL [--no-verify]
#
# TARGET_URL names a database that must not exist yet (postgresql://user@host:5432/name);
# it is created (through the server's `postgres` database), filled with pg_restore and,
# unless --no-verify, checked with `justice audit verify` (the audit trail's hash chain and
# the chain of custody). The check needs the same AUDIT_KEY as the backed-up system; set
# JUSTICE to the command to run (default: justice). Point DATABASE_URL at the restored
# database only after the check passes.
set -euo pipefail

archive="${1:?usage: scripts/restore.sh ARCHIVE TARGET_URL [--no-verify]}"
target="${2:?usage: scripts/restore.sh ARCHIVE TARGET_URL [--no-verify]}"
verify="${3:-}"
target="${target/#postgresql+psycopg2:/postgresql:}"
target="${target/#postgres:/postgresql:}"
name="${target##*/}"
name="${name%%\?*}"
server="${target%/*}/postgres"

[[ -f "$archive" ]] || { echo "No such archive: $archive" >&2; exit 2; }
[[ "$name" =~ ^[A-Za-z0-9_]+$ ]] || { echo "Use a plain database name (letters, digits, _)" >&2; exit 2; }
pg_restore --list "$archive" > /dev/null || { echo "$archive is not a pg_dump archive" >&2; exit 2; }
exists=$(psql --no-psqlrc -tA "$server" -c "SELECT 1 FROM pg_database WHERE datname = '$name'")
if [[ "$exists" == "1" ]]; then
    echo "Database $name already exists: restore into a new database, never over a live one." >&2
    exit 2
fi

echo "Creating database $name" >&2
psql --no-psqlrc -q "$server" -c "CREATE DATABASE \"$name\""
echo "Restoring $archive into $name" >&2
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$target" "$archive"

if [[ "$verify" != "--no-verify" ]]; then
    echo "Verifying the restored audit trail" >&2
    DATABASE_URL="$target" ${JUSTICE:-justice} audit verify
fi
echo "Restored into $name."

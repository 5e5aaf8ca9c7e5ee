#!/usr/bin/env bash
# Back up the suite's PostgreSQL database to one custom-format archive (pg_dump -Fc).
#
#   scripts/backup.sh [OUTPUT]          DATABASE_URL names the database
#
# OUTPUT defaults to backups/justice-<UTC time>.dump. The archive is written under a
# temporary name, checked with pg_restore --list, then renamed, so a failed run never
# leaves a file that looks like a good backup. Keep the archive off the server, encrypted,
# together with the .env secrets (see deploy/README.md, "Backups").
set -euo pipefail

url="${DATABASE_URL:?set DATABASE_URL to the database to back up}"
url="${url/#postgresql+psycopg2:/postgresql:}"
url="${url/#postgres:/postgresql:}"
output="${1:-backups/justice-$(date -u +%Y%m%dT%H%M%SZ).dump}"

mkdir -p "$(dirname "$output")"
partial="$output.partial"
trap 'rm -f "$partial"' EXIT

echo "Backing up ${url##*/} to $output" >&2
pg_dump --format=custom --compress=6 --no-password --file="$partial" "$url"
entries=$(pg_restore --list "$partial" | grep -cv '^;')
mv "$partial" "$output"
trap - EXIT
size=$(du -h "$output" | cut -f1)
checksum=$(sha256sum "$output" | cut -d' ' -f1)
echo "Backup written: $output ($size, $entries archive entries, sha256 $checksum)"

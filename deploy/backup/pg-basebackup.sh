#!/bin/sh
# Nightly base backup of the PostgreSQL cluster (cron on a database node, as postgres):
#   15 2 * * * /usr/local/lib/linggong/pg-basebackup.sh
# With the WAL archive (archive-wal.sh) it allows point-in-time recovery to any moment after
# the oldest kept base backup. Keeps KEEP (default 7) backups; reports success to node_exporter.
set -eu
BACKUP_ROOT=${BACKUP_ROOT:-/var/backups/linggong/base}
KEEP=${KEEP:-7}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5000}
PGUSER=${PGUSER:-replicator}
TEXTFILE=${TEXTFILE:-/var/lib/node_exporter/textfile/linggong_backup.prom}

stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$BACKUP_ROOT/$stamp"
mkdir -p "$BACKUP_ROOT"
# -X stream: the WAL needed to make the copy consistent goes in the backup itself.
# --checkpoint=fast: start now rather than at the next scheduled checkpoint.
pg_basebackup -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -D "$target.partial" \
  -F tar -z -X stream --checkpoint=fast --manifest-checksums=SHA256 --label "linggong-$stamp"
# A tarball that does not read back whole is not a backup (pg_verifybackup needs plain format).
tar -tzf "$target.partial/base.tar.gz" >/dev/null
mv "$target.partial" "$target"

# Keep the newest $KEEP backups.
ls -1d "$BACKUP_ROOT"/*Z 2>/dev/null | sort | head -n "-$KEEP" | xargs -r rm -rf

if [ -d "$(dirname "$TEXTFILE")" ]; then
  printf 'linggong_backup_last_success_timestamp_seconds %s\n' "$(date +%s)" >"$TEXTFILE.tmp"
  mv "$TEXTFILE.tmp" "$TEXTFILE"
fi
echo "base backup $target"

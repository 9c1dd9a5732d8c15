#!/bin/sh
# archive_command of PostgreSQL (deploy/patroni/patroni.yml): archive-wal.sh %p %f
# Copies one WAL segment to the archive, never overwriting a different file of the same name,
# and fsyncs before answering 0 (PostgreSQL recycles the segment once this succeeds).
set -eu
ARCHIVE=${WAL_ARCHIVE:-/var/backups/linggong/wal}
TEXTFILE=${TEXTFILE:-/var/lib/node_exporter/textfile/linggong_wal_archive.prom}
src=$1
name=$2
mkdir -p "$ARCHIVE"
if [ -f "$ARCHIVE/$name" ]; then
  cmp -s "$src" "$ARCHIVE/$name" && exit 0
  echo "archive-wal: $name already archived with different content" >&2
  exit 1
fi
cp "$src" "$ARCHIVE/$name.tmp"
sync "$ARCHIVE/$name.tmp"
mv "$ARCHIVE/$name.tmp" "$ARCHIVE/$name"
if [ -d "$(dirname "$TEXTFILE")" ]; then
  printf 'linggong_wal_archive_last_success_timestamp_seconds %s\n' "$(date +%s)" >"$TEXTFILE.tmp"
  mv "$TEXTFILE.tmp" "$TEXTFILE"
fi

#!/bin/sh
# Proves the PostgreSQL backup scripts on this machine, away from any real cluster: a scratch
# PostgreSQL 15 on 127.0.0.1:55432 archives its WAL with archive-wal.sh, pg-basebackup.sh takes a
# base backup, more rows are written after it, the server is killed, and a restore of the base
# backup plus the archived WAL on port 55433 must give the same row count and checksum.
# Run as the postgres user:  runuser -u postgres -- sh deploy/backup/verify-restore.sh
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
W=${WORK_DIR:-/tmp/linggong-backup-verify}
B=/usr/lib/postgresql/15/bin
rm -rf "$W"; mkdir -p "$W"; cd "$W"
# Whatever happens, no scratch server is left running.
trap '$B/pg_ctl -D "$W/data" -m immediate stop >/dev/null 2>&1; $B/pg_ctl -D "$W/restored" -m immediate stop >/dev/null 2>&1; true' EXIT
$B/initdb -D data -U postgres -A trust >/dev/null
cat >> data/postgresql.conf <<C
port = 55432
listen_addresses = '127.0.0.1'
unix_socket_directories = '$W'
archive_mode = on
archive_command = 'WAL_ARCHIVE=$W/backups/wal TEXTFILE=$W/backups/wal.prom $HERE/archive-wal.sh %p %f'
C
$B/pg_ctl -D data -l pg.log -w start >/dev/null
P="$B/psql -h 127.0.0.1 -p 55432 -U postgres -qAt"
$P -c "create table bookings(id serial primary key, note text); insert into bookings(note) select 'b'||g from generate_series(1,1000) g;"
mkdir -p backups
PATH=$B:$PATH BACKUP_ROOT=$W/backups/base PGPORT=55432 PGUSER=postgres TEXTFILE=$W/backups/backup.prom "$HERE/pg-basebackup.sh"
$P -c "insert into bookings(note) select 'late'||g from generate_series(1,234) g"; $P -c "select pg_switch_wal()" >/dev/null
sleep 2
before=$($P -c "select count(*), md5(string_agg(note, ',' order by id)) from bookings")
$B/pg_ctl -D data -m immediate stop >/dev/null
# restore: base backup + WAL archive replayed to the end
stamp=$(ls backups/base | head -1)
mkdir -m 700 restored && tar -xzf backups/base/$stamp/base.tar.gz -C restored && tar -xzf backups/base/$stamp/pg_wal.tar.gz -C restored/pg_wal
sed -i "s/port = 55432/port = 55433/" restored/postgresql.conf
sed -i "s/^archive_mode = on/archive_mode = off/" restored/postgresql.conf
echo "restore_command = 'cp $W/backups/wal/%f %p'" >> restored/postgresql.conf
touch restored/recovery.signal
$B/pg_ctl -D restored -l restored.log -w start >/dev/null
sleep 2
after=$($B/psql -h 127.0.0.1 -p 55433 -U postgres -qAt -c "select count(*), md5(string_agg(note, ',' order by id)) from bookings")
$B/pg_ctl -D restored -m fast stop >/dev/null
echo "before crash: $before"
echo "restored:     $after"
cat backups/backup.prom backups/wal.prom
if [ "$before" = "$after" ]; then
  echo "restore matches: every row written before the crash is back"
  rm -rf "$W"
else
  echo "RESTORE DIFFERS (files kept in $W)" >&2
  exit 1
fi

#!/bin/sh
# A dump of the database in PostgreSQL's custom format, one file per night, 14 kept.
# Needs DATABASE_URL; BACKUP_DIR (default /var/backups/teamlaering); KEEP (default 14).
set -eu
BACKUP_DIR=${BACKUP_DIR:-/var/backups/teamlaering}
KEEP=${KEEP:-14}
mkdir -p "$BACKUP_DIR"
target="$BACKUP_DIR/teamlaering-$(date -u +%Y%m%dT%H%M%SZ).dump"
pg_dump --format=custom --no-owner --file="$target.partial" "$DATABASE_URL"
# A dump whose table of contents cannot be read is not kept under a dump's name.
pg_restore --list "$target.partial" > /dev/null
mv "$target.partial" "$target"
ls -1t "$BACKUP_DIR"/teamlaering-*.dump | tail -n +$((KEEP + 1)) | xargs -r rm --
echo "$target"

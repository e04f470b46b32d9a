#!/bin/sh
# Proves a backup restores: dumps DATABASE_URL (or takes the dump given as $1), restores it into
# an empty scratch database on the same server, compares the row count of every table, and
# drops the scratch database. Exit 0 when every count matches, 1 otherwise.
#   DATABASE_URL=postgres://user@host:5432/teamlaering deploy/backup-restore-check.sh [dump]
# The user needs CREATEDB. RESTORE_DATABASE_NAME overrides the scratch name.
set -eu
# Without the notices "does not exist, skipping" of a scratch database that was not there.
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
name=${DATABASE_URL##*/}
name=${name%%\?*}
server=${DATABASE_URL%/*}
scratch=${RESTORE_DATABASE_NAME:-${name}_restore_check}
work=$(mktemp -d)
trap 'psql -q "$server/postgres" -c "DROP DATABASE IF EXISTS \"$scratch\"" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

dump=${1:-}
if [ -z "$dump" ]; then
    dump="$work/check.dump"
    pg_dump --format=custom --no-owner --file="$dump" "$DATABASE_URL"
fi

psql -q "$server/postgres" -c "DROP DATABASE IF EXISTS \"$scratch\"" >/dev/null
psql -q "$server/postgres" -c "CREATE DATABASE \"$scratch\"" >/dev/null
pg_restore --no-owner --exit-on-error --dbname="$server/$scratch" "$dump"

counts() {
    psql -At "$1" -c "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1" |
    while read -r table; do
        printf '%s %s\n' "$table" "$(psql -At "$1" -c "SELECT count(*) FROM \"$table\"")"
    done
}
counts "$DATABASE_URL" > "$work/original"
counts "$server/$scratch" > "$work/restored"

if diff -u "$work/original" "$work/restored"; then
    echo "Gendannelse i orden: $(wc -l < "$work/original") tabeller, samme antal rækker i hver."
else
    echo "Gendannelsen afviger fra databasen (se ovenfor)." >&2
    exit 1
fi

#!/usr/bin/env bash
# The import's live heap after a full collection, sampled from outside the process as the files reach the archive.
#
#   scripts/live-heap.sh <folder of workbooks> <fraction>...      e.g. scripts/live-heap.sh target/b30k/archive 0.1 0.5 0.9
#
# Run from the repository's folder after `./mvnw -B -q -DskipTests package`. The workbooks (any folder tree of them: a
# benchmark's archive, `benchmark --schools=30000 --work=target/b30k`, holds its generated submissions) are hard-linked
# into a fresh inbox under target/live-heap/, so they stay where they are; the import runs with -Xmx256m (JAVA_OPTS to
# change it) on a database of its own there. At each fraction of the files archived, `jcmd GC.class_histogram` runs a
# full collection and counts what is left: the script prints the count of files archived and the histogram's total.
# While a thread is inside a JNI critical section (inflating a zip entry) the JVM cannot collect; it then counts the
# garbage too and logs "pre-dump GC was skipped", and the script takes the histogram again.
set -euo pipefail
source_folder=$1
shift
work=target/live-heap
rm -rf "$work"
mkdir -p "$work/inbox"
find "$source_folder" -type f \( -name '*.xlsx' -o -name '*.xls' \) -print0 | while IFS= read -r -d '' f; do
  ln "$f" "$work/inbox/$(basename "$f")"
done
total=$(find "$work/inbox" -type f | wc -l)
log=$work/import.log
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx256m} -jar target/edustat.jar import --edustat.intake.inbox="$work/inbox" \
  --edustat.intake.archive="$work/archive" "--spring.datasource.url=jdbc:h2:file:$PWD/$work/db/edustat;WRITE_DELAY=0" \
  --edustat.reports.output="$work/output" >"$log" 2>&1 &
pid=$!
archived() { find "$work/archive" -type f 2>/dev/null | wc -l; }
for fraction in "$@"; do
  target=$(awk -v t="$total" -v f="$fraction" 'BEGIN { printf "%d", t * f }')
  while kill -0 "$pid" 2>/dev/null && [ "$(archived)" -lt "$target" ]; do sleep 0.3; done
  kill -0 "$pid" 2>/dev/null || break
  for attempt in 1 2 3; do
    skipped=$(grep -c "pre-dump GC was skipped" "$log" || true)
    histogram=$(jcmd "$pid" GC.class_histogram 2>&1 | tail -1)
    sleep 0.2
    [ "$(grep -c "pre-dump GC was skipped" "$log" || true)" = "$skipped" ] && break
    echo "  (the GC locker skipped the full collection; again)"
  done
  echo "$(archived) of $total files archived: live heap $(awk '{ printf "%.1f MB", $3 / 1e6 }' <<<"$histogram") ($histogram)"
done
wait "$pid"

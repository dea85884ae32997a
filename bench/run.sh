#!/usr/bin/env bash
# make bench: gunicorn (3 workers) on a dedicated PostgreSQL database with the scale data, 16 people
# of four roles for 60 s (locust, headless), p50/p95 per page and overall into var/bench/.
# Only ever against 127.0.0.1 and a database it creates itself (never a real gemeente's).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
DB=${BENCH_DB:-skt_bench}
N=${BENCH_MELDINGEN:-100000}
PG=${BENCH_PG:-postgres://postgres@127.0.0.1:5432}
USERS=${BENCH_USERS:-16}
DUUR=${BENCH_DUUR:-60s}
export DATABASE_URL="$PG/$DB" SKT_DEMO=1 SKT_HTTPS=0 DEBUG=0
# As in production (docker-compose.yml): a Celery worker on Redis and the cache on Redis, so the
# monitor's facts are refreshed by the worker and its figures shared by the three web workers. No
# beat: its other jobs (the access-log sealer would chain the scale data's million rows) are not what
# is measured; the dashboard asks the worker for a refresh when the facts are two minutes old.
# Redis databases 12 and 13, away from the tests (0) and CI (15).
export REDIS_URL=${BENCH_REDIS:-redis://127.0.0.1:6379/12} CACHE_URL=${BENCH_CACHE:-redis://127.0.0.1:6379/13}
# Simulated people search without pause; the per-minute search limit is for real people.
export SKT_LIMIET_ZOEKEN_PER_MINUUT=1000000
mkdir -p var/bench

case "$PG" in
  *@127.0.0.1:*|*@localhost:*) ;;
  *) echo "BENCH_PG moet naar 127.0.0.1 wijzen" >&2; exit 2 ;;
esac

aantal=$(psql "$PG/$DB" -Atc "SELECT count(*) FROM meldingen_melding" 2>/dev/null || echo 0)
if [ "$aantal" -lt $((N * 9 / 10)) ]; then
  echo "== database $DB opbouwen met $N meldingen (eenmalig)"
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  $PY manage.py migrate --noinput -v0
  $PY manage.py demo_data >/dev/null
  /usr/bin/time -f "schaaldata: %e s wall, %M kB max" $PY manage.py schaaldata --meldingen "$N"
else
  echo "== database $DB hergebruikt ($aantal meldingen)"
  # Others' unfinished migration must not stop a measurement of the schema that is there.
  $PY manage.py migrate --noinput -v0 2>var/bench/migrate.log || echo "migrate faalde (var/bench/migrate.log)"
fi

POORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.venv/bin/gunicorn skt.wsgi -w 3 -b "127.0.0.1:$POORT" --access-logfile /dev/null \
  --error-logfile var/bench/gunicorn.log &
GUNICORN=$!
.venv/bin/celery -A skt worker -c 1 -l WARNING --logfile var/bench/worker.log &
WORKER=$!
trap 'kill "$GUNICORN" "$WORKER" 2>/dev/null; wait 2>/dev/null || true' EXIT

for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$POORT/gezond/" >/dev/null && break
  sleep 1
done

aantal=$(psql "$PG/$DB" -Atc "SELECT count(*) FROM meldingen_melding")
STEMPEL=$(date +%Y%m%d-%H%M%S)
export BENCH_UIT="var/bench/$STEMPEL.json"
LAST_VOOR=$(cut -d' ' -f1-3 /proc/loadavg)
.venv/bin/locust -f bench/locustfile.py --headless -u "$USERS" -r 4 -t "$DUUR" \
  --host "http://127.0.0.1:$POORT" --csv "var/bench/$STEMPEL" --only-summary --loglevel WARNING || true
LAST_NA=$(cut -d' ' -f1-3 /proc/loadavg)
sleep 5
ALLEEN_VOOR=$(cut -d' ' -f1-3 /proc/loadavg)
$PY bench/alleen.py "http://127.0.0.1:$POORT" >"var/bench/$STEMPEL-alleen.md"

$PY bench/tabel.py "$BENCH_UIT" \
  --kop "$(date '+%Y-%m-%d %H:%M'), $(nproc) cores, $aantal meldingen, $USERS personen, $DUUR; load average vooraf $LAST_VOOR, na $LAST_NA" \
  | tee "var/bench/$STEMPEL.md"
echo
echo "Eén persoon alleen (load average vooraf $ALLEEN_VOOR):"
cat "var/bench/$STEMPEL-alleen.md"

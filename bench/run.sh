#!/usr/bin/env bash
# One command per scenario. Usage: bench/run.sh <scenario> [N,N,...]
#   fanout      N connections (default 1000,5000,10000,19500): limit, Vert.x, ws, Socket.IO and
#               diemcau side by side, rounds interleaved (ROUNDS, default 3; EVENTS per round, default 5,
#               after WARMUP_EVENTS unmeasured ones, default 1)
#   heartbeats  fan-out at N (default 10000) while 2,000 points send heartbeats every 5 s
#   idle        heap per idle connection and connects per second (default 1000,5000,10000,19500)
#   documents   downloads vs nginx on loopback (bench/documents/run.sh; needs nginx-light and wrk)
#   checkin     N delegates (default 20000) each check in once (HTTP, invitation), CONCURRENCY in flight (256);
#               the same generator against the check-in limit server in the same run (plain Netty + JDBC batches)
#   checkin-wrk the check-in burst with wrk as the generator, diemcau and the limit server (N default 150000)
#   votes       N delegates (default 20000) each vote once (HTTP live command poll.vote), CONCURRENCY in flight
#   votes-socket  the same over each phone's open live socket (what phones do), connected in waves of 8000;
#               then the same phones against the burst limit server; PHONES=process runs the phones in a
#               process of their own instead of diemcau's JVM
#               (the three bursts first run twice unreported, each on a session of its own, to warm the JVM up:
#               -Dbench.warmup-rounds; WARMUP=false skips that; votes-socket goes on until a burst leaves the
#               server's JIT at most 300 ms to compile during its votes, at most 8 bursts); POINTS (20) per
#               session, the delegates spread over them (a province has about 2,200); TEST_JVM_OPTS adds JVM
#               options to the test JVM that runs them (e.g. a profiler's -agentpath:...)
# fanout, heartbeats and idle run diemcau as the production jar (bench/build-jar.sh builds
# target/bench-app when the sources changed), started with production settings against a fresh
# database BENCH_DB (default ${DIEMCAU_TEST_DB}_jar) and the orchestrating test JVM's OIDC server;
# JAR_OPTS adds JVM options to it (e.g. -Xmx1g); SERVER=test runs diemcau in the @QuarkusTest JVM instead.
# The main hall's command goes on its own live socket, as its console sends it; TRIGGER=rest POSTs it
# to /api/sessions/{id}/live/commands instead (every pass up to the twelfth).
# DB_BUFFER_POOL sets MariaDB's InnoDB buffer pool for the run (root on 127.0.0.1) and puts it back.
# Results: target/bench/*.md; the exact figures of the last full run are in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-help}
ulimit -n 20000
export DIEMCAU_TEST_DB=${DIEMCAU_TEST_DB:-diemcau_bench}
[ -d bench/node_modules ] || npm --prefix bench install --no-audit --no-fund
# DB_BUFFER_POOL (e.g. 1G): MariaDB's InnoDB buffer pool for this run, put back afterwards (the
# machine's default is 128 MB, less than a run's delegates table; docs/benchmarks.md says which ran)
if [ -n "${DB_BUFFER_POOL:-}" ]; then
  pool_before=$(mysql -uroot -N -e "select @@innodb_buffer_pool_size")
  trap 'mysql -uroot -e "set global innodb_buffer_pool_size = $pool_before"' EXIT
  mysql -uroot -e "set global innodb_buffer_pool_size = $(numfmt --from=iec "$DB_BUFFER_POOL")"
  echo "InnoDB buffer pool for this run: $(mysql -uroot -N -e "select @@innodb_buffer_pool_size") bytes (was $pool_before)"
fi
mvn_bench() {
  local server=${SERVER:-jar}
  if [ "$server" = jar ]; then bench/build-jar.sh; fi
  ./mvnw -B test -Dquarkus.quinoa=false -Dfrontend.unit.skip=true -Dtest=LiveFanOutBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dquarkus.log.category.\"vn.diemcau.live\".level=WARN -Dbench.server="$server" \
    -Dbench.db="${BENCH_DB:-${DIEMCAU_TEST_DB}_jar}" "-Dbench.jvm=${JAR_OPTS:-}" -Dbench.trigger="${TRIGGER:-socket}" "$@"
}
case "$scenario" in
  fanout)
    mvn_bench -Dbench.scenario=fanout -Dbench.n="${2:-1000,5000,10000,19500}" \
      -Dbench.rounds="${ROUNDS:-3}" -Dbench.events="${EVENTS:-5}" -Dbench.warmup-events="${WARMUP_EVENTS:-1}" \
      -Dbench.targets="${TARGETS:-limit,vertx,ws,socketio,diemcau}" ;;
  heartbeats)
    # the consoles beat every 5 s: the server expects that interval (the test profile's 1 s would have
    # every point DEGRADED between two beats, and 2,000 points flapping)
    mvn_bench -Dbench.scenario=fanout -Dbench.n="${2:-10000}" -Dbench.heartbeats=2000 '-D%test.diemcau.live.heartbeat-interval=5s' \
      -Dbench.rounds="${ROUNDS:-3}" -Dbench.events="${EVENTS:-5}" -Dbench.targets=limit,diemcau ;;
  idle)
    mvn_bench -Dbench.scenario=idle -Dbench.n="${2:-1000,5000,10000,19500}" ;;
  checkin|votes|votes-socket)
    # durable rows/s counted in MariaDB, p50/p99/max of the answers, lost and duplicated rows
    ./mvnw -B test -Dquarkus.quinoa=false -Dfrontend.unit.skip=true -Dtest=BurstBench -Dsurefire.failIfNoSpecifiedTests=false \
      -Dquarkus.log.category.\"vn.diemcau\".level=WARN -Dbench.scenario="$scenario" \
      -Dbench.n="${2:-20000}" -Dbench.concurrency="${CONCURRENCY:-256}" -Dbench.warmup="${WARMUP:-true}" \
      -Dbench.phones="${PHONES:-jvm}" -Dbench.points="${POINTS:-20}" ${TEST_JVM_OPTS:+"-DargLine=$TEST_JVM_OPTS"} ;;
  checkin-wrk)
    # the check-in burst with wrk as the generator (C), diemcau and the limit server in the same run:
    # SECONDS_PER_RUN (3) of CONCURRENCY connections, N (default 150000) delegates so none is sent twice
    ./mvnw -B test -Dquarkus.quinoa=false -Dfrontend.unit.skip=true -Dtest=BurstBench -Dsurefire.failIfNoSpecifiedTests=false \
      -Dquarkus.log.category.\"vn.diemcau\".level=WARN -Dbench.scenario=checkin -Dbench.generator=wrk \
      -Dbench.n="${2:-150000}" -Dbench.concurrency="${CONCURRENCY:-256}" -Dbench.seconds="${SECONDS_PER_RUN:-3}" ;;
  documents)
    # documents: diemcau vs nginx on loopback with wrk (CLIENTS, ROUNDS, SECONDS_PER_RUN)
    bench/documents/run.sh ;;
  *)
    sed -n '2,23p' "$0"; exit 1 ;;
esac
cat target/bench/*.md 2>/dev/null | tail -40

#!/usr/bin/env bash
# Document downloads: diemcau vs nginx serving the same PDFs (5 MB and 200 KB) on loopback, with wrk.
# Usage: bench/documents/run.sh   (CLIENTS=100 PARTICIPANTS=100 ROUNDS=3 SECONDS_PER_RUN=10)
# Each wrk connection cycles through PARTICIPANTS real invitation tokens (every download is audited).
# Needs nginx and wrk: apt-get install -y nginx-light wrk. Results: target/bench/documents.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v nginx >/dev/null && command -v wrk >/dev/null || { echo "install nginx-light and wrk first"; exit 2; }
ulimit -n 20000 || true
export DIEMCAU_TEST_DB=${DIEMCAU_TEST_DB:-diemcau_bench}
./mvnw -B test -Dquarkus.quinoa=false -Dfrontend.unit.skip=true -Dtest=DocumentDownloadBench \
  -Dbench.documents=true -Dbench.clients="${CLIENTS:-100}" -Dbench.participants="${PARTICIPANTS:-100}" -Dbench.rounds="${ROUNDS:-3}" \
  -Dbench.seconds="${SECONDS_PER_RUN:-10}" '-D%test.diemcau.documents.max-size=10M' \
  '-Dquarkus.log.category."vn.diemcau".level=WARN'
cat target/bench/documents.md

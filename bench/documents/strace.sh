#!/usr/bin/env bash
# The system calls a download costs each server: start it, then `bench/run.sh documents` beside it.
# It waits for nginx's first run of the 200 KB file and for diemcau's second (the first is the
# unreported warm-up), and counts each server's system calls for TRACE_SECONDS (4) from 2 s into that run
# (`strace -c`, every thread: the diemcau test JVM's threads one by one, as strace -f follows only
# threads started later). Tracing slows the traced round, so that run's 200 KB figure is not a
# result. Writes target/bench/strace-nginx.txt and target/bench/strace-diemcau.txt.
# Needs strace (apt-get install -y strace) and root or ptrace rights.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/bench
mkdir -p "$out"
seconds=${TRACE_SECONDS:-4}
diemcau_runs=0 traced_diemcau=0 traced_nginx=0 last=""
while [ "$traced_diemcau" = 0 ] || [ "$traced_nginx" = 0 ]; do
  run=$(pgrep -a wrk | head -1 || true)
  if [ -n "$run" ] && [ "$run" != "$last" ]; then
    last=$run
    if [[ $run == *documents/2/file* ]]; then # diemcau's 200 KB document (the bench makes 5 MB first)
      diemcau_runs=$((diemcau_runs + 1))
      if [ "$diemcau_runs" = 2 ]; then
        sleep 2
        jvm=$(for p in $(pgrep -f surefirebooter); do [ "$(cat /proc/"$p"/comm)" = java ] && echo "$p"; done | head -1)
        # shellcheck disable=SC2046
        timeout -s INT "$seconds" strace -c $(ls /proc/"$jvm"/task | sed 's/^/-p /') -o "$out/strace-diemcau.txt" || true
        traced_diemcau=1
      fi
    elif [[ $run == *200KB.pdf* ]] && [ "$traced_nginx" = 0 ]; then
      sleep 2
      # shellcheck disable=SC2046
      timeout -s INT "$seconds" strace -c -f $(pgrep -x nginx | sed 's/^/-p /') -o "$out/strace-nginx.txt" || true
      traced_nginx=1
    fi
  fi
  sleep 0.2
done
echo "system calls: $out/strace-nginx.txt, $out/strace-diemcau.txt"

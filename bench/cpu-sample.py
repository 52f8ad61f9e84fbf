#!/usr/bin/env python3
"""CPU of the processes of a bench run, by process and by thread group, within time windows.

  bench/cpu-sample.py record OUT            samples every 50 ms until killed (java, mariadbd, wrk, nginx, node)
  bench/cpu-sample.py windows OUT FILE...   CPU used in each window; a FILE is a phone wave's result
                                            (first line: seconds began ended), or "began ended" in ISO-8601
  bench/cpu-sample.py windows OUT --wrk     the same for each run of wrk the samples saw (bench/run.sh
                                            documents), named by the path it asked for

Each sample line: unix time, then pid:name:thread-group:tid:utime+stime ticks:run delay for every
thread, and the machine's own counters from /proc/stat as process 0, "machine" (user, system, idle,
softirq…: time no process is charged with, such as the loopback network's soft interrupts, shows
there; its "cores" add up to the number of cores). The run delay (/proc/.../schedstat, ns) is the time the thread was ready to run and waited
for a core. Thread groups are the thread's name with digits taken out ("vert.x-eventloop-thread-#"),
so a group's CPU adds its threads'. A java process is named by its main class (the phones, the
bench's limit server) or "java"; wrk by the path of its URL ("wrk@/200KB.pdf").
"""
import os
import re
import sys
import time
from datetime import datetime

TICK = os.sysconf("SC_CLK_TCK")
NAMES = ("java", "mariadbd", "mysqld", "wrk", "nginx", "node")


def procs():
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            comm = open(f"/proc/{pid}/comm").read().strip()
            if comm not in NAMES:
                continue
            name = comm
            if comm == "java":
                args = open(f"/proc/{pid}/cmdline").read().split("\0")
                mains = [a for a in args if re.match(r"^[a-z]+(\.[a-zA-Z0-9_]+)+$", a) and a[0].islower()]
                if "surefire" in " ".join(args):
                    name = "server"
                elif mains:
                    name = mains[-1].rsplit(".", 1)[-1]
            elif comm == "wrk":
                urls = [a for a in open(f"/proc/{pid}/cmdline").read().split("\0") if "://" in a]
                if urls:
                    name = "wrk@/" + urls[-1].split("://", 1)[1].split("/", 1)[-1]
            yield pid, name.replace(":", "_").replace(" ", "_")
        except OSError:
            continue


def record(out):
    with open(out, "w") as f:
        while True:
            now = time.time()
            parts = [f"{now:.3f}"]
            # the whole machine's time (/proc/stat), as process 0 "machine": what no process is
            # charged with shows here, the network's soft interrupts and idle time among it
            cpu = open("/proc/stat").readline().split()[1:9]
            for what, n in zip(("user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"), cpu):
                parts.append(f"0:machine:{what}:0:{n}:0")
            for pid, name in procs():
                try:
                    for tid in os.listdir(f"/proc/{pid}/task"):
                        s = open(f"/proc/{pid}/task/{tid}/stat").read()
                        comm = s[s.index("(") + 1 : s.rindex(")")]
                        fields = s[s.rindex(")") + 2 :].split()
                        ticks = int(fields[11]) + int(fields[12])
                        delay = int(open(f"/proc/{pid}/task/{tid}/schedstat").read().split()[1])
                        group = re.sub(r"\d+", "#", comm).replace(" ", "_").replace(":", "_")
                        parts.append(f"{pid}:{name}:{group}:{tid}:{ticks}:{delay}")
                except OSError:
                    continue
            f.write(" ".join(parts) + "\n")
            f.flush()
            time.sleep(max(0.0, 0.05 - (time.time() - now)))


def load(path):
    rows = []
    for line in open(path):
        p = line.split()
        if not p:
            continue
        t = float(p[0])
        ticks, delays = {}, {}
        for item in p[1:]:
            f = item.split(":")
            if len(f) == 5:
                f.append("0")  # recorded before the run delay was
            pid, name, group, tid, n, d = f
            ticks[(pid, name, group, tid)] = int(n)
            delays[(pid, name, group, tid)] = int(d)
        rows.append((t, ticks, delays))
    return rows


def wrk_runs(rows):
    """(began, ended, label) of each wrk process the samples saw."""
    seen = {}
    for t, ticks, _ in rows:
        for pid, name, _, _ in ticks:
            if name.startswith("wrk@"):
                b, _, _ = seen.get(pid, (t, t, name))
                seen[pid] = (b, t, name)
    return sorted(seen.values())


def at(rows, t):
    """The sample nearest before t (its time, CPU ticks and run delays)."""
    best = rows[0]
    for r in rows:
        if r[0] <= t:
            best = r
        else:
            break
    return best


def iso(s):
    return datetime.fromisoformat(s.rstrip("Z")[:26] + "+00:00").timestamp()


def windows(out, files):
    rows = load(out)
    spans = []
    for f in files:
        if f == "--wrk":
            # ended a sample early: the window's last sample must still see the wrk process
            spans += [
                (b, e - 0.05, f"{label} {datetime.utcfromtimestamp(b):%H:%M:%S}") for b, e, label in wrk_runs(rows)
            ]
            continue
        if os.path.exists(f):
            first = open(f).readline().split()
            began, ended = iso(first[1]), iso(first[2])
            label = os.path.basename(f)
        else:
            b, e = f.split()
            began, ended, label = iso(b), iso(e), f
        spans.append((began, ended, label))
    for began, ended, label in spans:
        (t0, a, wa), (t1, b, wb) = at(rows, began), at(rows, ended + 0.05)
        secs = t1 - t0
        used, waited = {}, {}
        for key, n in b.items():
            pid, name, group, _ = key
            k = (name + "/" + pid, group)
            used[k] = used.get(k, 0) + n - a.get(key, 0)
            waited[k] = waited.get(k, 0) + wb[key] - wa.get(key, 0)
        total = sum(d for k, d in used.items() if not k[0].startswith("machine/")) / TICK
        print(f"== {label}: {secs:.2f} s sampled, {total / secs:.2f} cores charged to the processes"
              f" (cores used, and threads waiting for a core)")
        by_proc, wait_proc = {}, {}
        for k, d in used.items():
            by_proc[k[0]] = by_proc.get(k[0], 0) + d
            wait_proc[k[0]] = wait_proc.get(k[0], 0) + waited[k]
        for proc, d in sorted(by_proc.items(), key=lambda x: -x[1]):
            if d == 0 and wait_proc[proc] == 0:
                continue
            print(f"  {proc:24} {d / TICK / secs:5.2f} cores, {wait_proc[proc] / 1e9 / secs:5.2f} waiting")
            for (p2, group), d2 in sorted(used.items(), key=lambda x: -x[1]):
                w2 = waited[(p2, group)] / 1e9 / secs
                if p2 == proc and (d2 / TICK / secs >= 0.02 or w2 >= 0.02):
                    print(f"      {group:36} {d2 / TICK / secs:5.2f}  {w2:5.2f}")


if __name__ == "__main__":
    if sys.argv[1] == "record":
        record(sys.argv[2])
    else:
        windows(sys.argv[2], sys.argv[3:])

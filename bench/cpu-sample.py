#!/usr/bin/env python3
"""CPU of the processes of a bench run, by process and by thread group, within time windows.

  bench/cpu-sample.py record OUT            samples every 50 ms until killed (java, mariadbd, wrk, nginx, node)
  bench/cpu-sample.py windows OUT FILE...   CPU used in each window; a FILE is a phone wave's result
                                            (first line: seconds began ended), or "began ended" in ISO-8601

Each sample line: unix time, then pid:name:thread-group:utime+stime ticks for every thread. Thread
groups are the thread's name with digits taken out ("vert.x-eventloop-thread-#"), so a group's CPU
adds its threads'. A java process is named by its main class (the phones, the bench's limit server)
or "java".
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
            yield pid, name
        except OSError:
            continue


def record(out):
    with open(out, "w") as f:
        while True:
            now = time.time()
            parts = [f"{now:.3f}"]
            for pid, name in procs():
                try:
                    for tid in os.listdir(f"/proc/{pid}/task"):
                        s = open(f"/proc/{pid}/task/{tid}/stat").read()
                        comm = s[s.index("(") + 1 : s.rindex(")")]
                        fields = s[s.rindex(")") + 2 :].split()
                        ticks = int(fields[11]) + int(fields[12])
                        group = re.sub(r"\d+", "#", comm).replace(" ", "_")
                        parts.append(f"{pid}:{name}:{group}:{tid}:{ticks}")
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
        ticks = {}
        for item in p[1:]:
            pid, name, group, tid, n = item.rsplit(":", 4)
            ticks[(pid, name, group, tid)] = int(n)
        rows.append((t, ticks))
    return rows


def at(rows, t):
    """The sample nearest before t (and its time)."""
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
    for f in files:
        if os.path.exists(f):
            first = open(f).readline().split()
            began, ended = iso(first[1]), iso(first[2])
            label = os.path.basename(f)
        else:
            b, e = f.split()
            began, ended, label = iso(b), iso(e), f
        (t0, a), (t1, b) = at(rows, began), at(rows, ended + 0.05)
        secs = t1 - t0
        used = {}
        for key, n in b.items():
            pid, name, group, _ = key
            d = n - a.get(key, 0)
            if d:
                used[(name + "/" + pid, group)] = used.get((name + "/" + pid, group), 0) + d
        total = sum(used.values()) / TICK
        print(f"== {label}: {secs:.2f} s sampled, {total / secs:.2f} cores in all")
        by_proc = {}
        for (proc, group), d in used.items():
            by_proc[proc] = by_proc.get(proc, 0) + d
        for proc, d in sorted(by_proc.items(), key=lambda x: -x[1]):
            print(f"  {proc:24} {d / TICK / secs:5.2f} cores")
            for (p2, group), d2 in sorted(used.items(), key=lambda x: -x[1]):
                if p2 == proc and d2 / TICK / secs >= 0.02:
                    print(f"      {group:36} {d2 / TICK / secs:5.2f}")


if __name__ == "__main__":
    if sys.argv[1] == "record":
        record(sys.argv[2])
    else:
        windows(sys.argv[2], sys.argv[3:])

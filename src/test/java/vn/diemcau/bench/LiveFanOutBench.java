package vn.diemcau.bench;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.diemcau.testing.Tokens;

/**
 * The benchmark orchestrator (not part of the test suite: its name does not end in Test; run by
 * bench/run.sh). diemcau is the production jar in its own process ({@link DiemcauServer}; or this
 * JVM's app with {@code -Dbench.server=test}), on MariaDB, with this JVM's in-process OIDC server
 * issuing the staff tokens; the peers run as their own processes; each round of each target is a
 * fresh load-generator process with the same clients, rounds interleaved, medians reported.
 * Results: target/bench/*.md and the console.
 */
@QuarkusTest
class LiveFanOutBench {
    static final int LIMIT = 18081, VERTX = 18082, WS = 18083, SOCKETIO = 18084;

    @TestHTTPResource("/")
    URL base;

    final Path dir = Path.of("target/bench");
    final List<Process> servers = new ArrayList<>();
    DiemcauServer diemcau;
    int run;

    /** diemcau, started when a scenario measures it; its open files at rest go into the report. */
    private DiemcauServer diemcau(StringBuilder md) throws Exception {
        diemcau = DiemcauServer.start(base.toURI(), dir);
        String line = diemcau.describe();
        System.out.println("[bench] " + line);
        md.append(line).append('\n');
        return diemcau;
    }

    @Test
    @EnabledIfSystemProperty(named = "bench.scenario", matches = "fanout")
    void fanOut() throws Exception {
        List<Integer> sizes = ints(System.getProperty("bench.n", "1000"));
        int rounds = Integer.getInteger("bench.rounds", 3);
        int events = Integer.getInteger("bench.events", 5);
        int heartbeatPoints = Integer.getInteger("bench.heartbeats", 0);
        List<String> targets = List.of(System.getProperty("bench.targets", "limit,vertx,ws,socketio,diemcau")
                .split(","));
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder();
        BenchFixture f = null;
        Map<String, Long> pids = startPeers(targets);
        try {
            if (targets.contains("diemcau")) {
                pids.put("diemcau", diemcau(md).pid);
                f = new BenchFixture(
                        diemcau.base, Math.max(heartbeatPoints, 20), Integer.getInteger("bench.delegates", 50));
            }
            for (int n : sizes) {
                Map<String, List<String[]>> results = new LinkedHashMap<>();
                targets.forEach(t -> results.put(t, new ArrayList<>()));
                for (int r = 0; r < rounds; r++) {
                    // Interleaved, and each round starts with another target.
                    for (int k = 0; k < targets.size(); k++) {
                        String t = targets.get((k + r) % targets.size());
                        String[] csv = round(t, n, events, f, pids.get(t), heartbeatPoints);
                        results.get(t).add(csv);
                    }
                }
                md.append(table(n, rounds, events, heartbeatPoints, results));
            }
        } finally {
            servers.forEach(Process::destroy);
            if (diemcau != null) diemcau.close();
        }
        String name = "fanout-" + sizes.stream().map(String::valueOf).collect(Collectors.joining("_"))
                + (heartbeatPoints > 0 ? "-hb" + heartbeatPoints : "") + ".md";
        Files.writeString(dir.resolve(name), md);
        System.out.println("\n" + md);
    }

    @Test
    @EnabledIfSystemProperty(named = "bench.scenario", matches = "idle")
    void idleMemoryAndConnectRate() throws Exception {
        List<Integer> sizes = ints(System.getProperty("bench.n", "1000"));
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder();
        try (DiemcauServer server = diemcau(md)) {
            idle(sizes, new BenchFixture(server.base, 20, Integer.getInteger("bench.delegates", 50)), md);
        }
        Files.writeString(
                dir.resolve("idle-" + sizes.stream().map(String::valueOf).collect(Collectors.joining("_")) + ".md"),
                md);
        System.out.println("\n" + md);
    }

    private void idle(List<Integer> sizes, BenchFixture f, StringBuilder md) throws Exception {
        md.append(String.format("max heap %.0f MB%n%n", diemcau.maxHeap() / 1e6))
                .append(
                        "| connections | connect time | connects/s | heap used before | heap used with all connected | heap per connection | open files with all connected |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (int n : sizes) {
            long before = diemcau.heapUsedAfterGc();
            Process p = generator("diemcau", n, 0, f, diemcau.pid, 0, List.of("hold=30000"));
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
            String line;
            double connect = Double.NaN;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("READY")) {
                    connect = Double.parseDouble(line.split(" ")[1]);
                    break;
                }
            }
            Thread.sleep(2000);
            int files = diemcau.openFiles().get("total");
            long with = diemcau.heapUsedAfterGc();
            // what the connections hold, class by class (the top of the live-object histogram)
            Files.writeString(dir.resolve("idle-histogram-" + n + ".txt"), diemcau.histogram(40));
            while (out.readLine() != null) {}
            p.waitFor();
            md.append(String.format(
                    "| %d | %.2f s | %.0f | %.1f MB | %.1f MB | %.2f KB | %d |%n",
                    n, connect, n / connect, before / 1e6, with / 1e6, (with - before) / 1024.0 / n, files));
            Thread.sleep(3000);
        }
    }

    private String[] round(String target, int n, int events, BenchFixture f, long pid, int heartbeatPoints)
            throws Exception {
        List<String> extra = new ArrayList<>();
        if (heartbeatPoints > 0 && target.equals("diemcau")) {
            Path points = dir.resolve("points.txt");
            Files.writeString(
                    points,
                    f.points.subList(0, heartbeatPoints).stream()
                            .map(String::valueOf)
                            .collect(Collectors.joining("\n")));
            Path hb = dir.resolve("hb-headers.txt");
            Files.writeString(hb, "Authorization: Bearer " + Tokens.fresh(Tokens.OPERATOR1) + "\n");
            extra.addAll(List.of("heartbeats=" + points, "heartbeatHeaders=" + hb, "heartbeatEvery=5000"));
        }
        Process p = generator(target, n, events, f, pid, heartbeatPoints, extra);
        String csv = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println("[gen] " + line);
                if (line.startsWith("CSV,")) csv = line;
            }
        }
        p.waitFor();
        if (csv == null) throw new IllegalStateException("generator failed for " + target + ", see " + dir);
        return csv.split(",");
    }

    private Process generator(
            String target, int n, int events, BenchFixture f, long pid, int heartbeatPoints, List<String> extra)
            throws Exception {
        String frame = peerFrame();
        List<String> cmd = new ArrayList<>(Jvm.main(
                List.of("-Xss512k", "-XX:+UseParallelGC"),
                LoadGenerator.class,
                "name=" + target,
                "n=" + n,
                "events=" + events,
                "pid=" + pid,
                "source=" + (2 + (run++ * 4) % 200)));
        switch (target) {
            case "diemcau" -> {
                Path h = dir.resolve("headers.txt");
                String op = Tokens.fresh(Tokens.OPERATOR1);
                Files.writeString(
                        h,
                        IntStream.range(0, 200)
                                .mapToObj(i ->
                                        f.headers(i, op).entrySet().iterator().next())
                                .map(e -> e.getKey() + ": " + e.getValue())
                                .collect(Collectors.joining("\n")));
                Path th = dir.resolve("trigger-headers.txt");
                Files.writeString(th, "Authorization: Bearer " + Tokens.fresh(Tokens.ORGANIZER) + "\n");
                cmd.addAll(List.of(
                        "port=" + diemcau.port(),
                        "path=" + f.path(),
                        "greets=true",
                        "marker=agenda.item_extended",
                        "headers=" + h,
                        // the main hall's console sends its commands on its live socket; REST (the
                        // passes up to the twelfth) with -Dbench.trigger=rest
                        "trigger="
                                + ("rest".equals(System.getProperty("bench.trigger", "socket"))
                                        ? f.commandsPath()
                                        : "socket:" + f.path()),
                        "triggerHeaders=" + th,
                        "body=" + f.extendBody()));
            }
            case "socketio" ->
                cmd.addAll(List.of(
                        "port=" + SOCKETIO,
                        "protocol=SOCKETIO",
                        "marker=agenda.item_extended",
                        "trigger=/broadcast",
                        "body=" + frame));
            default ->
                cmd.addAll(List.of(
                        "port="
                                + Map.of("limit", LIMIT, "vertx", VERTX, "ws", WS)
                                        .get(target),
                        "path=/ws",
                        "marker=agenda.item_extended",
                        "trigger=/broadcast",
                        "body=" + frame));
        }
        cmd.add("warmups=" + Integer.getInteger("bench.warmup-events", 1));
        cmd.addAll(extra);
        return new ProcessBuilder(cmd)
                .redirectError(dir.resolve("gen-" + target + ".err").toFile())
                .start();
    }

    /** The same shape and size as diemcau's agenda.item_extended frame. */
    static String peerFrame() {
        return "{\"seq\":{seq},\"type\":\"agenda.item_extended\",\"item\":{\"id\":1,\"position\":1,"
                + "\"title\":\"Quán triệt Nghị quyết\",\"presenter\":null,\"plannedStart\":\"2026-12-03T01:00:00Z\","
                + "\"durationMinutes\":61,\"plannedEnd\":\"2026-12-03T02:01:00Z\",\"status\":\"ACTIVE\","
                + "\"actualStart\":\"2026-11-25T08:00:00.123456Z\",\"actualEnd\":null},\"minutes\":1}";
    }

    private Map<String, Long> startPeers(List<String> targets) throws Exception {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String t : targets) {
            List<String> cmd = switch (t) {
                case "limit" -> Jvm.main(List.of(), LimitServer.class, "" + LIMIT);
                case "vertx" -> Jvm.main(List.of(), VertxBroadcastServer.class, "" + VERTX);
                case "ws" -> List.of("node", "bench/servers/ws-server.js", "" + WS);
                case "socketio" -> List.of("node", "bench/servers/socketio-server.js", "" + SOCKETIO);
                default -> null;
            };
            if (cmd == null) continue;
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("server-" + t + ".log").toFile())
                    .start();
            servers.add(p);
            pids.put(t, p.pid());
        }
        Thread.sleep(3000);
        return pids;
    }

    private static String table(int n, int rounds, int events, int heartbeats, Map<String, List<String[]>> results) {
        // CSV: 0 CSV,1 name,2 n,3 events,4 connect s,5 p50,6 p99,7 max,8 complete,9 cpu/frame,10 delivered,11 lost,12
        // dup,13 first (the event's first arrival at any client: for diemcau, its command's own time)
        StringBuilder sb = new StringBuilder(String.format(
                "%n### Fan-out, %d connections, %d rounds x %d events%s (medians over rounds)%n%n"
                        + "| server | broadcast complete | ratio to limit | p50 | p99 | max | server CPU per frame | connects/s | lost | dup | first frame |%n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|%n",
                n,
                rounds,
                events,
                heartbeats > 0 ? ", " + heartbeats + " points sending heartbeats every 5 s (diemcau)" : ""));
        double limit = results.containsKey("limit") ? median(results.get("limit"), 8) : Double.NaN;
        results.forEach((t, rows) -> {
            double complete = median(rows, 8);
            long lost = rows.stream().mapToLong(r -> Long.parseLong(r[11])).sum();
            long dup = rows.stream().mapToLong(r -> Long.parseLong(r[12])).sum();
            sb.append(String.format(
                    "| %s | %.2f ms | %.2f | %.2f ms | %.2f ms | %.2f ms | %.2f µs | %.0f | %d | %d | %.2f ms |%n",
                    t,
                    complete / 1000,
                    complete / limit,
                    median(rows, 5) / 1000,
                    median(rows, 6) / 1000,
                    median(rows, 7) / 1000,
                    median(rows, 9),
                    n / median(rows, 4),
                    lost,
                    dup,
                    median(rows, 13) / 1000));
        });
        sb.append("\nRounds (broadcast complete, ms): ");
        results.forEach((t, rows) -> sb.append(t)
                .append(" ")
                .append(rows.stream()
                        .map(r -> String.format("%.1f", Double.parseDouble(r[8]) / 1000))
                        .toList())
                .append("; "));
        return sb.append("\n").toString();
    }

    static double median(List<String[]> rows, int col) {
        double[] v = rows.stream()
                .mapToDouble(r -> Double.parseDouble(r[col]))
                .sorted()
                .toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .map(Integer::valueOf)
                .toList();
    }
}

package vn.diemcau.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The load generator: N real WebSocket connections to one target, spread over loopback source
 * addresses (127.0.0.2, 127.0.0.3, …: one address has ~28k ephemeral ports), then E broadcasts,
 * one at a time; for each it records when the action was sent and when the marked frame reached
 * every client. Runs in-process (smoke tests) or as its own process ({@link #main}) so that the
 * server's CPU is its own.
 */
public final class LoadGenerator implements AutoCloseable {
    /** How a client talks to the target: plain text frames, or Socket.IO over its WebSocket transport. */
    public enum Protocol {
        PLAIN,
        SOCKETIO
    }

    /**
     * A server under test. {@code marker}: text every broadcast frame contains (others are ignored);
     * {@code greets}: the server sends a first frame on connect (diemcau's snapshot), which makes
     * the connection ready; {@code pid}: the server process, for its CPU time (0: not measured).
     */
    public record Target(
            String name, int port, String path, Protocol protocol, String marker, boolean greets, long pid) {}

    /** Something that makes the server broadcast once (the main hall's action); completes when sent. */
    public interface Trigger {
        Future<?> fire(int event);
    }

    /** Figures of one round: latencies in microseconds, CPU in microseconds per delivered frame. */
    public record Round(
            String target,
            int connections,
            int events,
            double connectSeconds,
            long p50,
            long p99,
            long max,
            long completeMedian,
            double cpuPerFrame,
            long delivered,
            long lost,
            long duplicated,
            long firstMedian) {
        public String line() {
            return String.format(
                    "%-9s n=%-6d events=%-3d connect=%.2fs (%.0f/s) p50=%.2fms p99=%.2fms max=%.2fms complete=%.2fms cpu/frame=%.2fus delivered=%d lost=%d dup=%d first=%.2fms",
                    target,
                    connections,
                    events,
                    connectSeconds,
                    connections / connectSeconds,
                    p50 / 1000.0,
                    p99 / 1000.0,
                    max / 1000.0,
                    completeMedian / 1000.0,
                    cpuPerFrame,
                    delivered,
                    lost,
                    duplicated,
                    firstMedian / 1000.0);
        }
    }

    static final int PER_SOURCE = 5000;

    private final Vertx vertx;
    private final boolean ownVertx;
    private final int firstSource;
    /** Hold the connections this long once ready (idle-memory scenario), announcing READY on stdout. */
    long holdMillis;
    /** Broadcasts before the measured ones, not measured (JIT, buffers); at least one. */
    int warmups = 1;

    public LoadGenerator(Vertx vertx, int firstSource) {
        this.vertx = vertx;
        this.ownVertx = false;
        this.firstSource = firstSource;
    }

    public LoadGenerator(int firstSource) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        this.ownVertx = true;
        this.firstSource = firstSource;
    }

    /** One client: the arrival time (nanoTime) of each marked frame, by its seq. */
    static final class Client {
        final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
        final AtomicInteger duplicates = new AtomicInteger();
        volatile WebSocket ws;
    }

    /**
     * Why connections failed, by cause: the HTTP status (and the start of the body) of a refused
     * upgrade, the exception of a connect that failed, the close code and reason of a socket closed
     * before it was ready. A run that loses connections says which way it lost them.
     */
    static final class Failures {
        final Map<String, Integer> causes = new ConcurrentHashMap<>();
        final AtomicInteger total = new AtomicInteger();

        void connectFailed(Throwable t) {
            add(cause(t));
        }

        void closedBeforeReady(WebSocket ws) {
            add("closed before ready: " + ws.closeStatusCode() + " " + ws.closeReason());
        }

        void add(String cause) {
            total.incrementAndGet();
            causes.merge(cause, 1, Integer::sum);
        }

        static String cause(Throwable t) {
            if (t instanceof UpgradeRejectedException u) {
                String body = u.getBody() == null ? "" : u.getBody().toString();
                return "upgrade refused: HTTP " + u.getStatus() + (body.isBlank() ? "" : " " + cut(body));
            }
            return "connect failed: " + t.getClass().getName() + ": " + cut(String.valueOf(t.getMessage()));
        }

        private static String cut(String s) {
            s = s.replace('\n', ' ');
            return s.length() > 160 ? s.substring(0, 160) + "…" : s;
        }

        /** One line per cause, most frequent first. */
        String summary() {
            if (causes.isEmpty()) return "none";
            StringBuilder sb = new StringBuilder();
            causes.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> sb.append("\n    ")
                            .append(e.getValue())
                            .append(" × ")
                            .append(e.getKey()));
            return sb.toString();
        }
    }

    /** Opens {@code n} connections, fires {@code events} broadcasts, closes everything, reports. */
    public Round run(Target t, int n, IntFunction<Map<String, String>> headers, int events, Trigger trigger)
            throws Exception {
        List<WebSocketClient> clients = new ArrayList<>();
        for (int s = 0; s * PER_SOURCE < n; s++) {
            WebSocketClientOptions o = new WebSocketClientOptions()
                    .setMaxConnections(PER_SOURCE + 10)
                    .setLocalAddress("127.0.0." + (firstSource + s))
                    .setConnectTimeout(60_000)
                    .setMaxFrameSize(1 << 20)
                    .setMaxMessageSize(1 << 24);
            clients.add(vertx.createWebSocketClient(o));
        }
        Client[] cs = new Client[n];
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(n);
        Failures failures = new Failures();
        AtomicInteger readyCount = new AtomicInteger();
        long c0 = System.nanoTime();
        // Progress every 10 s while connecting: a stall shows when it started and how it failed.
        long progress = vertx.setPeriodic(
                10_000,
                id -> System.out.printf(
                        "connecting %s: %.0f s, ready %d, failed %d of %d%n",
                        t.name(), (System.nanoTime() - c0) / 1e9, readyCount.get(), failures.total.get(), n));
        // Connect in waves so the server's accept queue and the handshakes keep up.
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(256);
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            Client c = cs[i] = new Client();
            WebSocketConnectOptions o = new WebSocketConnectOptions()
                    .setHost("127.0.0.1")
                    .setPort(t.port())
                    .setURI(t.protocol() == Protocol.SOCKETIO ? "/socket.io/?EIO=4&transport=websocket" : t.path());
            headers.apply(i).forEach(o::addHeader);
            boolean[] isReady = {false};
            WebSocketClient client = clients.get(i / PER_SOURCE);
            // Connected from an event loop's context, the connection lives on that loop and its
            // handlers go on in the connect callback before the loop reads anything more from it:
            // from this thread, a connect that completed before the callback was added had its
            // snapshot read (and dropped: no handler yet) before the callback ran, which left a
            // client waiting for it forever (seen once in 19,500).
            vertx.getOrCreateContext()
                    .runOnContext(go -> client.connect(o).onComplete(ar -> {
                        if (ar.failed()) {
                            failures.connectFailed(ar.cause());
                            inFlight.release();
                            ready.countDown();
                            return;
                        }
                        WebSocket ws = c.ws = ar.result();
                        if (t.protocol() == Protocol.PLAIN && !t.greets()) {
                            isReady[0] = true;
                        }
                        // Closed by the server before it was ready (refused, or an error): counted as failed
                        // with its close code, never left holding a slot of the wave.
                        ws.closeHandler(v -> {
                            if (isReady[0]) return;
                            isReady[0] = true;
                            failures.closedBeforeReady(ws);
                            inFlight.release();
                            ready.countDown();
                        });
                        ws.textMessageHandler(text -> {
                            long now = System.nanoTime();
                            if (!isReady[0]) {
                                // diemcau: the snapshot; Socket.IO: the namespace answer "40{…}".
                                if (t.protocol() == Protocol.SOCKETIO) {
                                    if (text.startsWith("0")) ws.writeTextMessage("40");
                                    if (!text.startsWith("40")) return;
                                }
                                isReady[0] = true;
                                readyCount.incrementAndGet();
                                inFlight.release();
                                ready.countDown();
                                return;
                            }
                            if (t.protocol() == Protocol.SOCKETIO && text.equals("2")) {
                                ws.writeTextMessage("3");
                                return;
                            }
                            if (!text.contains(t.marker())) return;
                            if (c.arrivals.putIfAbsent(seqOf(text), now) != null) c.duplicates.incrementAndGet();
                        });
                        if (isReady[0]) {
                            readyCount.incrementAndGet();
                            inFlight.release();
                            ready.countDown();
                        }
                    }));
        }
        boolean allDone = ready.await(300, TimeUnit.SECONDS);
        vertx.cancelTimer(progress);
        double connectSeconds = (System.nanoTime() - c0) / 1e9;
        System.out.printf(
                "connect %s: %.2f s, ready %d, failed %d of %d; causes: %s%n",
                t.name(), connectSeconds, readyCount.get(), failures.total.get(), n, failures.summary());
        if (!allDone)
            throw new IllegalStateException("connections not ready after 300 s: " + readyCount.get() + " of " + n
                    + " ready, failed: " + failures.summary());
        if (failures.total.get() > 0)
            throw new IllegalStateException(
                    failures.total.get() + " of " + n + " connections failed: " + failures.summary());
        if (holdMillis > 0) {
            // Idle-memory scenario: the orchestrator measures the server while the connections sit.
            System.out.printf("READY %.3f%n", connectSeconds);
            System.out.flush();
            Thread.sleep(holdMillis);
        }
        settle(t.pid());

        // Warm-up broadcasts (JIT, buffers), not measured: events -warmups … -1.
        int warm = events > 0 ? Math.max(1, warmups) : 0;
        List<Long> seqs = new ArrayList<>();
        long[] sent = new long[events];
        long cpu0 = 0;
        for (int e = -warm; e < events; e++) {
            if (e == 0) cpu0 = cpuMicros(t.pid());
            int before = seqs.size();
            if (e >= 0) sent[e] = System.nanoTime();
            trigger.fire(e + warm).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            long deadline = System.currentTimeMillis() + 30_000;
            // Wait until every client has one more marked frame than before.
            while (System.currentTimeMillis() < deadline) {
                boolean all = true;
                for (Client c : cs) {
                    if (c.arrivals.size() <= before) {
                        all = false;
                        break;
                    }
                }
                if (all) break;
                Thread.sleep(1);
            }
            // The seq of this event: the one most clients got that is not yet known.
            Map<Long, Integer> votes = new java.util.HashMap<>();
            for (Client c : cs)
                for (Long s : c.arrivals.keySet()) if (!seqs.contains(s)) votes.merge(s, 1, Integer::sum);
            seqs.add(votes.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse(Long.MIN_VALUE));
            Thread.sleep(100);
        }
        long cpu1 = cpuMicros(t.pid());

        for (int w = 0; w < warm; w++) {
            long warmUp = seqs.remove(0);
            for (Client c : cs) c.arrivals.remove(warmUp);
        }
        long[] all = new long[n * events];
        long[] complete = new long[events];
        long[] first = new long[events];
        Arrays.fill(first, Long.MAX_VALUE);
        int k = 0;
        long lost = 0, delivered = 0, dup = 0;
        for (Client c : cs) {
            dup += c.duplicates.get();
            for (int e = 0; e < events; e++) {
                Long at = c.arrivals.get(seqs.get(e));
                if (at == null) {
                    lost++;
                    continue;
                }
                delivered++;
                long us = (at - sent[e]) / 1000;
                all[k++] = us;
                complete[e] = Math.max(complete[e], us);
                first[e] = Math.min(first[e], us);
            }
            long extra =
                    c.arrivals.keySet().stream().filter(s -> !seqs.contains(s)).count();
            dup += extra;
        }
        long[] lat = Arrays.copyOf(all, k);
        Arrays.sort(lat);
        Arrays.sort(complete);
        Arrays.sort(first);
        for (Client c : cs) if (c.ws != null) c.ws.close();
        for (WebSocketClient wc : clients) wc.close();
        Thread.sleep(500);
        return new Round(
                t.name(),
                n,
                events,
                connectSeconds,
                pct(lat, 0.50),
                pct(lat, 0.99),
                lat.length == 0 ? 0 : lat[lat.length - 1],
                pct(complete, 0.50),
                t.pid() <= 0 || delivered == 0 ? Double.NaN : (double) (cpu1 - cpu0) / delivered,
                delivered,
                lost,
                dup,
                pct(first, 0.50));
    }

    /**
     * Point consoles: one connection per point sending {@code point.heartbeat} every {@code everyMs}
     * (spread over the interval). Returns how many heartbeats went out so far; close to stop.
     */
    static final int CONSOLE_WAVE = 100;

    public Heartbeats heartbeats(int port, String path, Map<String, String> headers, List<Long> pointIds, long everyMs)
            throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(pointIds.size() + 10)
                .setLocalAddress("127.0.0." + (firstSource + 40)));
        Heartbeats h = new Heartbeats(client);
        h.vertx = vertx;
        List<Future<WebSocket>> opened = new ArrayList<>();
        try {
            // Consoles come online in waves of CONSOLE_WAVE (as they do in the morning), not all in one
            // instant: 2,000 upgrades at once each reading the database queue on its connection pool.
            for (int i = 0; i < pointIds.size(); i++) {
                if (i > 0 && i % CONSOLE_WAVE == 0)
                    Future.all(opened.subList(i - CONSOLE_WAVE, i))
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get(120, TimeUnit.SECONDS);
                WebSocketConnectOptions o = new WebSocketConnectOptions()
                        .setHost("127.0.0.1")
                        .setPort(port)
                        .setURI(path);
                headers.forEach(o::addHeader);
                long pointId = pointIds.get(i);
                long offset = everyMs * i / pointIds.size();
                opened.add(client.connect(o)
                        .onFailure(h.failures::connectFailed)
                        .onSuccess(ws -> {
                            // A refused heartbeat comes back as live.rejected; anything else is ignored.
                            ws.textMessageHandler(t -> {
                                if (t.contains("\"live.rejected\"")) h.rejected.incrementAndGet();
                            });
                            ws.closeHandler(v -> {
                                if (!h.closing)
                                    h.failures.add("console closed: " + ws.closeStatusCode() + " " + ws.closeReason());
                            });
                            String beat = "{\"type\":\"point.heartbeat\",\"pointId\":" + pointId + "}";
                            vertx.setTimer(
                                    offset + 1,
                                    t0 -> h.timers.add(vertx.setPeriodic(everyMs, t -> {
                                        if (!ws.isClosed()) {
                                            ws.writeTextMessage(beat);
                                            h.sent.incrementAndGet();
                                        }
                                    })));
                            h.sockets.add(ws);
                        }));
            }
            Future.all(opened).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(
                    "point consoles failed to connect: " + h.failures.total.get() + h.failures.summary(), e);
        }
        return h;
    }

    /** Running heartbeats. */
    public static final class Heartbeats implements AutoCloseable {
        final WebSocketClient client;
        final List<WebSocket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Long> timers = new java.util.concurrent.CopyOnWriteArrayList<>();
        public final AtomicInteger sent = new AtomicInteger();
        /** Heartbeats the server refused (live.rejected). */
        public final AtomicInteger rejected = new AtomicInteger();
        /** Consoles that failed to connect or were closed by the server. */
        final Failures failures = new Failures();

        volatile boolean closing;
        Vertx vertx;

        Heartbeats(WebSocketClient client) {
            this.client = client;
        }

        public int open() {
            return (int) sockets.stream().filter(w -> !w.isClosed()).count();
        }

        /** Sent, refused, open consoles and why consoles failed. */
        public String summary() {
            return "heartbeats sent: " + sent.get() + ", refused: " + rejected.get() + ", point sockets open: " + open()
                    + ", console failures: " + failures.total.get() + " " + failures.summary();
        }

        @Override
        public void close() {
            closing = true;
            timers.forEach(vertx::cancelTimer);
            sockets.forEach(WebSocket::close);
            client.close();
        }
    }

    /** A trigger that POSTs {@code body(event)} to {@code http://127.0.0.1:port/path} with the headers. */
    public Trigger post(int port, String path, Map<String, String> headers, IntFunction<String> body) {
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1"));
        return e -> {
            RequestOptions o = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setPort(port)
                    .setURI(path);
            headers.forEach(o::addHeader);
            o.addHeader("Content-Type", "application/json");
            return http.request(o).compose(r -> r.send(body.apply(e))).compose(r -> {
                if (r.statusCode() >= 300) return Future.failedFuture("trigger answered " + r.statusCode());
                return r.body();
            });
        };
    }

    /**
     * A trigger that sends {@code body(event)} on a live socket of its own to {@code path} with the
     * headers, as the main hall's console does (it sends its commands on its socket, not over REST);
     * completes on the command's {@code live.ack}, fails on anything else answering it. The socket
     * opens at the first event (a warm-up one) and waits for its snapshot; it is not one of the
     * measured clients.
     */
    public Trigger socket(int port, String path, Map<String, String> headers, IntFunction<String> body) {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setLocalAddress("127.0.0." + (firstSource + 41))
                .setMaxFrameSize(1 << 20)
                .setMaxMessageSize(1 << 24));
        Map<String, io.vertx.core.Promise<Void>> waiting = new java.util.concurrent.ConcurrentHashMap<>();
        Future<WebSocket>[] open = new Future[1];
        return e -> {
            if (open[0] == null) {
                WebSocketConnectOptions o = new WebSocketConnectOptions()
                        .setHost("127.0.0.1")
                        .setPort(port)
                        .setURI(path);
                headers.forEach(o::addHeader);
                io.vertx.core.Promise<WebSocket> greeted = io.vertx.core.Promise.promise();
                // from an event loop's context, as the crowd's connections (run): the handlers go on
                // before the loop reads the snapshot
                vertx.getOrCreateContext()
                        .runOnContext(go -> client.connect(o)
                                .onFailure(greeted::tryFail)
                                .onSuccess(ws -> {
                                    ws.closeHandler(v -> greeted.tryFail(
                                            "the trigger's socket was closed: " + ws.closeStatusCode()));
                                    ws.textMessageHandler(text -> {
                                        if (!greeted.future().isComplete()) {
                                            greeted.tryComplete(ws); // the snapshot
                                            return;
                                        }
                                        if (!text.contains("\"commandId\"")) return;
                                        io.vertx.core.json.JsonObject m = new io.vertx.core.json.JsonObject(text);
                                        io.vertx.core.Promise<Void> p = waiting.remove(m.getString("commandId"));
                                        if (p == null) return;
                                        if ("live.ack".equals(m.getString("type"))) p.complete();
                                        else p.fail("trigger answered " + text);
                                    });
                                }));
                open[0] = greeted.future();
            }
            return open[0].compose(ws -> {
                String text = body.apply(e);
                String id = new io.vertx.core.json.JsonObject(text).getString("commandId");
                io.vertx.core.Promise<Void> answered = io.vertx.core.Promise.promise();
                waiting.put(id, answered);
                return ws.writeTextMessage(text).compose(v -> answered.future());
            });
        };
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** The number after {@code "seq":} in a frame. */
    static long seqOf(String text) {
        int i = text.indexOf("\"seq\":");
        if (i < 0) return -1;
        int j = i + 6;
        long v = 0;
        while (j < text.length() && Character.isDigit(text.charAt(j))) v = v * 10 + (text.charAt(j++) - '0');
        return v;
    }

    /**
     * Before the events: waits until the server's process is quiet (under a tenth of a core over half
     * a second, at most 20 s), so that no broadcast shares the cores with what the crowd's connecting
     * left behind (the JIT compiling the handshake's code, deferred work). Every server is measured at
     * rest alike; a server long in production has its connect path compiled. Without a pid (a server in
     * the caller's own JVM, as in the smoke test): 300 ms.
     */
    static void settle(long pid) throws InterruptedException {
        if (pid <= 0) {
            Thread.sleep(300);
            return;
        }
        long start = System.nanoTime(), deadline = start + 20_000_000_000L;
        long cpu = cpuMicros(pid), at = start;
        while (true) {
            Thread.sleep(500);
            long c = cpuMicros(pid), now = System.nanoTime();
            double cores = (c - cpu) * 1000.0 / (now - at);
            cpu = c;
            at = now;
            if (cores < 0.1 || now > deadline) {
                System.out.printf("quiet after %.1f s (the server at %.2f of a core)%n", (now - start) / 1e9, cores);
                return;
            }
        }
    }

    /** utime + stime of a process, in microseconds (clock ticks of 10 ms). */
    static long cpuMicros(long pid) {
        if (pid <= 0) return 0;
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000;
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * One round against one target, as its own process. Arguments (key=value): name, port, path,
     * protocol (PLAIN|SOCKETIO), marker, greets, pid, n, events, source (first address: 127.0.0.S),
     * headers (file: one header "Name: value" per line, connection i uses line i mod lines),
     * trigger (URL path on the same port, POST; socket:path, the body sent on a live socket of its own),
     * triggerHeaders (file), body (template; {seq} is the
     * event number from 1, {uuid} a fresh id). Prints the round's line and a CSV line.
     */
    public static void main(String[] args) {
        try {
            round(args);
        } catch (Throwable e) {
            // On stdout too: the orchestrator shows the generator's stdout, and this is the round's result.
            System.out.println("FAILED: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void round(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (String arg : args) a.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        int port = Integer.parseInt(a.get("port"));
        Target t = new Target(
                a.get("name"),
                port,
                a.getOrDefault("path", "/"),
                Protocol.valueOf(a.getOrDefault("protocol", "PLAIN")),
                a.get("marker"),
                Boolean.parseBoolean(a.getOrDefault("greets", "false")),
                Long.parseLong(a.getOrDefault("pid", "0")));
        List<Map<String, String>> headerLines = headerFile(a.get("headers"));
        List<Map<String, String>> triggerHeaders = headerFile(a.get("triggerHeaders"));
        String body = a.getOrDefault("body", "");
        try (LoadGenerator g = new LoadGenerator(Integer.parseInt(a.getOrDefault("source", "2")))) {
            g.holdMillis = Long.parseLong(a.getOrDefault("hold", "0"));
            g.warmups = Integer.parseInt(a.getOrDefault("warmups", "1"));
            Heartbeats beats = a.containsKey("heartbeats")
                    ? g.heartbeats(
                            port,
                            t.path(),
                            headerFile(a.get("heartbeatHeaders")).get(0),
                            Files.readAllLines(Path.of(a.get("heartbeats"))).stream()
                                    .filter(l -> !l.isBlank())
                                    .map(Long::valueOf)
                                    .toList(),
                            Long.parseLong(a.getOrDefault("heartbeatEvery", "5000")))
                    : null;
            IntFunction<String> bodies = e -> body.replace("{seq}", String.valueOf(e + 1))
                    .replace("{uuid}", java.util.UUID.randomUUID().toString());
            Map<String, String> triggerHeader = triggerHeaders.isEmpty() ? Map.of() : triggerHeaders.get(0);
            String triggerAt = a.get("trigger");
            Trigger trigger = triggerAt.startsWith("socket:")
                    ? g.socket(port, triggerAt.substring("socket:".length()), triggerHeader, bodies)
                    : g.post(port, triggerAt, triggerHeader, bodies);
            Round r;
            try {
                r = g.run(
                        t,
                        Integer.parseInt(a.get("n")),
                        i -> headerLines.isEmpty() ? Map.of() : headerLines.get(i % headerLines.size()),
                        Integer.parseInt(a.getOrDefault("events", "5")),
                        trigger);
            } finally {
                // Also when the round failed: what the consoles saw meanwhile is part of the story.
                if (beats != null) System.out.println(beats.summary());
            }
            System.out.println(r.line());
            System.out.printf(
                    "CSV,%s,%d,%d,%.3f,%d,%d,%d,%d,%.3f,%d,%d,%d,%d%n",
                    r.target(),
                    r.connections(),
                    r.events(),
                    r.connectSeconds(),
                    r.p50(),
                    r.p99(),
                    r.max(),
                    r.completeMedian(),
                    r.cpuPerFrame(),
                    r.delivered(),
                    r.lost(),
                    r.duplicated(),
                    r.firstMedian());
            if (beats != null) beats.close();
        }
    }

    private static List<Map<String, String>> headerFile(String file) throws java.io.IOException {
        if (file == null) return List.of();
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(file))) {
            if (line.isBlank()) continue;
            Map<String, String> h = new java.util.LinkedHashMap<>();
            for (String part : line.split("\\t")) {
                int c = part.indexOf(':');
                h.put(part.substring(0, c).strip(), part.substring(c + 1).strip());
            }
            out.add(h);
        }
        return out;
    }

    @Override
    public void close() {
        if (ownVertx) vertx.close();
    }
}

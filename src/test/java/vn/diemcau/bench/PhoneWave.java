package vn.diemcau.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One wave of phones voting over their live sockets: phones {@code from} to {@code to} each open
 * their socket with their own invitation and wait for the snapshot; then each sends its {@code
 * poll.vote}, {@code concurrency} unanswered at a time, timed from send to the answer (only this
 * part is timed). Runs inside the orchestrating JVM, or as a process of its own ({@link #main}) so
 * that the server's JVM does not also run the phones.
 */
final class PhoneWave {
    private PhoneWave() {}

    /**
     * Latencies in microseconds and the answer's HTTP-like status per phone (index − from); -1: no
     * socket. {@code jitMillis}: what this JVM's compilers spent while its votes went (-1 when read
     * from the phones' own process, whose compilers are not the server's: {@link Gate} lets the
     * server's JVM measure its own).
     */
    record Result(double seconds, long[] latencyMicros, int[] status, Instant began, Instant ended, long jitMillis) {}

    /**
     * What the wave tells whoever started it around its votes: once every phone is connected and
     * this JVM's compilers are quiet ({@code connected}, which may wait, e.g. for the server's JIT to
     * go quiet too), and once every vote is answered ({@code voted}).
     */
    interface Gate {
        Gate NONE = new Gate() {};

        default void connected() throws Exception {}

        default void voted() {}
    }

    static String vote(int i, long poll) {
        return "{\"type\":\"poll.vote\",\"commandId\":\"bench-" + i + "\",\"pollId\":" + poll + ",\"choices\":["
                + (i % 3) + "]}";
    }

    static Result run(
            int port,
            long sessionId,
            String[] tokens,
            int from,
            int to,
            long poll,
            int concurrency,
            String localAddress,
            Gate gate)
            throws Exception {
        Vertx vertx = Vertx.vertx();
        int size = to - from;
        long[] latency = new long[size];
        int[] status = new int[size];
        try {
            WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setMaxConnections(size + 10)
                    .setLocalAddress(localAddress)
                    .setConnectTimeout(60_000)
                    .setMaxMessageSize(1 << 24));
            WebSocket[] sockets = new WebSocket[size];
            long[] sentAt = new long[size];
            CountDownLatch ready = new CountDownLatch(size);
            CountDownLatch answered = new CountDownLatch(size);
            AtomicInteger next = new AtomicInteger(from);
            Semaphore connecting = new Semaphore(256);
            Runnable[] send = new Runnable[1];
            send[0] = () -> {
                int i = next.getAndIncrement();
                if (i >= to) return;
                sentAt[i - from] = System.nanoTime();
                sockets[i - from].writeTextMessage(vote(i, poll));
            };
            for (int i = from; i < to; i++) {
                int k = i - from;
                String marker = "\"commandId\":\"bench-" + i + "\"";
                connecting.acquire();
                client.connect(new WebSocketConnectOptions()
                                .setHost("127.0.0.1")
                                .setPort(port)
                                .setURI("/live/sessions/" + sessionId)
                                .addHeader("Authorization", "Invitation " + tokens[i]))
                        .onComplete(ar -> {
                            connecting.release();
                            if (ar.failed()) {
                                status[k] = -1;
                                ready.countDown();
                                answered.countDown();
                                return;
                            }
                            WebSocket ws = sockets[k] = ar.result();
                            boolean[] seen = {false, false};
                            ws.textMessageHandler(text -> {
                                if (!seen[0] && text.contains("\"live.snapshot\"")) {
                                    seen[0] = true;
                                    ready.countDown();
                                } else if (!seen[1] && text.contains(marker)) {
                                    seen[1] = true;
                                    latency[k] = (System.nanoTime() - sentAt[k]) / 1000;
                                    status[k] = text.contains("\"live.ack\"")
                                            ? 200
                                            : Integer.parseInt(text.replaceAll(".*\"status\":(\\d+).*", "$1"));
                                    answered.countDown();
                                    send[0].run();
                                }
                            });
                        });
            }
            if (!ready.await(10, TimeUnit.MINUTES)) throw new IllegalStateException("phones did not connect");
            // connecting compiled code of its own: the votes begin once this JVM's compilers are quiet
            System.out.println("[burst] " + Jit.awaitQuiet(60));
            gate.connected();
            long compiled = Jit.compiledMillis();
            long start = System.nanoTime();
            Instant began = Instant.now();
            for (int k = 0; k < Math.min(concurrency, size); k++) send[0].run();
            if (!answered.await(30, TimeUnit.MINUTES)) throw new IllegalStateException("votes unanswered");
            double seconds = (System.nanoTime() - start) / 1e9;
            Instant ended = Instant.now();
            gate.voted();
            long jit = Jit.compiledMillis() - compiled;
            System.out.println("[burst] JIT compiling during the votes: " + jit + " ms");
            for (WebSocket ws : sockets) if (ws != null) ws.close();
            client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new Result(seconds, latency, status, began, ended, jit);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * As a process of its own, which stays up for every wave of a run (its JIT warms up with the
     * warm-up burst, as the server's does). Each line on standard input is one wave: port, session
     * id, a file of invitation tokens (one a line), from, to, poll id, concurrency, local address,
     * the file to write ({@code seconds began ended}, then one line {@code latency status} per
     * phone); {@code done} on standard output when it is written. Around the votes it prints {@code
     * connected} and waits for a line {@code go} on standard input, and prints {@code voted} once they
     * are answered: the server's JVM counts its own compiling in between ({@link
     * BurstBench.Phones#send}).
     */
    public static void main(String[] args) throws Exception {
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        for (String line; (line = in.readLine()) != null; ) {
            String[] a = line.split(" ");
            String[] tokens = Files.readAllLines(Path.of(a[2])).toArray(new String[0]);
            Result r = run(
                    Integer.parseInt(a[0]),
                    Long.parseLong(a[1]),
                    tokens,
                    Integer.parseInt(a[3]),
                    Integer.parseInt(a[4]),
                    Long.parseLong(a[5]),
                    Integer.parseInt(a[6]),
                    a[7],
                    new Gate() {
                        @Override
                        public void connected() throws Exception {
                            System.out.println("connected");
                            System.out.flush();
                            if (!"go".equals(in.readLine())) throw new IllegalStateException("no go");
                        }

                        @Override
                        public void voted() {
                            System.out.println("voted");
                            System.out.flush();
                        }
                    });
            List<String> lines = new ArrayList<>();
            lines.add(r.seconds() + " " + r.began() + " " + r.ended());
            for (int k = 0; k < r.status().length; k++) lines.add(r.latencyMicros()[k] + " " + r.status()[k]);
            Files.write(Path.of(a[8]), lines);
            System.out.println("done");
            System.out.flush();
        }
        System.exit(0);
    }

    /** Reads what {@link #main} wrote. */
    static Result read(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        String[] head = lines.get(0).split(" ");
        long[] latency = new long[lines.size() - 1];
        int[] status = new int[lines.size() - 1];
        for (int k = 1; k < lines.size(); k++) {
            String[] p = lines.get(k).split(" ");
            latency[k - 1] = Long.parseLong(p[0]);
            status[k - 1] = Integer.parseInt(p[1]);
        }
        return new Result(
                Double.parseDouble(head[0]), latency, status, Instant.parse(head[1]), Instant.parse(head[2]), -1);
    }
}

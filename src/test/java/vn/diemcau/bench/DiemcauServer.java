package vn.diemcau.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The diemcau server the benchmarks measure: either the production jar (target/bench-app, built by
 * bench/run.sh) started as its own process and configured by environment variables as deploy/run-jar.sh
 * does, or the {@code @QuarkusTest} app in this very JVM (the old mode, {@code -Dbench.server=test}).
 * The jar is what a deployment runs, and it keeps its class path open once: the test JVM keeps 796
 * jar files open, which left room for only ~19,170 sockets under a 20,000 open-files limit.
 */
final class DiemcauServer implements AutoCloseable {
    final URI base;
    final long pid;
    final String mode;
    private final Process process;

    private DiemcauServer(String mode, URI base, long pid, Process process) {
        this.mode = mode;
        this.base = base;
        this.pid = pid;
        this.process = process;
    }

    int port() {
        return base.getPort();
    }

    /** From {@code -Dbench.server}: {@code jar} (default) or {@code test} (this JVM, at {@code testApp}). */
    static DiemcauServer start(URI testApp, Path dir) throws Exception {
        return switch (System.getProperty("bench.server", "jar")) {
            case "test" ->
                new DiemcauServer("test", testApp, ProcessHandle.current().pid(), null);
            case "jar" -> productionJar(dir);
            default -> throw new IllegalArgumentException("bench.server: jar or test");
        };
    }

    /**
     * The production jar against its own, freshly created database (Flyway migrates it at start, as in
     * production) and this JVM's in-process OIDC server, so the tokens the tests get ({@code Tokens})
     * are real, signed tokens the jar validates by discovery and JWKS like any provider's.
     */
    private static DiemcauServer productionJar(Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "target/bench-app/quarkus-run.jar"))
                .toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: bench/run.sh builds it (bench/build-jar.sh)");
        }
        String db = System.getProperty("bench.db", "diemcau_bench_jar");
        recreate(db);
        int port = Integer.getInteger("bench.port", freePort());
        Config cfg = ConfigProvider.getConfig();
        Path work = Files.createDirectories(dir.resolve("jar").toAbsolutePath());
        List<String> cmd = new ArrayList<>(List.of(Jvm.tool("java")));
        cmd.addAll(Arrays.asList(System.getProperty("bench.jvm", "").trim().split("\\s+")));
        cmd.removeIf(String::isEmpty);
        // the live hub's per-connection lines would be written 20,000 times per run
        cmd.addAll(List.of("-Dquarkus.log.category.\"vn.diemcau.live\".level=WARN", "-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                // its own directory: Quarkus would read a .env or config/ in the working directory
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server-diemcau.log").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("DIEMCAU_"));
        env.putAll(Map.of(
                "PORT", String.valueOf(port),
                "HOST", "127.0.0.1",
                "DB_URL", "jdbc:mariadb://127.0.0.1:3306/" + db,
                "DB_USER", "root",
                "DB_PASSWORD", "",
                "OIDC_AUTH_SERVER_URL", cfg.getValue("quarkus.oidc.auth-server-url", String.class),
                "OIDC_CLIENT_ID", cfg.getValue("quarkus.oidc.client-id", String.class),
                "OIDC_CLIENT_SECRET",
                        cfg.getOptionalValue("quarkus.oidc.credentials.secret", String.class)
                                .orElse(""),
                "DIEMCAU_INVITATION_SECRET", secret(),
                "DIEMCAU_SESSION_SECRET", secret()));
        env.put("DIEMCAU_DOCUMENTS_DIR", work.resolve("documents").toString());
        Process p = pb.start();
        DiemcauServer s = new DiemcauServer("jar", URI.create("http://127.0.0.1:" + port), p.pid(), p);
        try {
            s.awaitReady(Duration.ofSeconds(Integer.getInteger("bench.start-timeout", 180)), dir);
        } catch (Exception e) {
            s.close();
            throw e;
        }
        return s;
    }

    /**
     * A port nobody listens on: with a fixed one, a server another bench run left there would answer
     * the readiness check in this jar's place.
     */
    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady(Duration timeout, Path dir) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the diemcau jar exited with " + process.exitValue() + ", see "
                        + dir.resolve("server-diemcau.log"));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(
                "the diemcau jar was not ready within " + timeout + ", see " + dir.resolve("server-diemcau.log"));
    }

    /** An empty database, as deploy/mariadb-init.sql makes it; the bench's root account on 127.0.0.1. */
    private static void recreate(String db) throws Exception {
        if (!db.matches("[A-Za-z0-9_]+")) throw new IllegalArgumentException("bench.db: " + db);
        Properties login = new Properties();
        login.setProperty("user", System.getProperty("bench.db-user", "root"));
        login.setProperty("password", System.getProperty("bench.db-password", ""));
        try (var c = new org.mariadb.jdbc.Driver().connect("jdbc:mariadb://127.0.0.1:3306/", login);
                var st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + db);
            st.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    private static String secret() {
        byte[] b = new byte[36];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A tool of the JDK this JVM runs on (the jar is started with the same one). */
    /** Heap used after full collections, in bytes. */
    long heapUsedAfterGc() throws Exception {
        if (process == null) {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(300);
            }
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        for (int i = 0; i < 3; i++) {
            jcmd("GC.run");
            Thread.sleep(300);
        }
        // " garbage-first heap   total 262144K, used 151234K [...": the first "used" is the whole heap's
        Matcher m = Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
        if (!m.find()) throw new IllegalStateException("no heap figure from jcmd GC.heap_info");
        return Long.parseLong(m.group(1)) * 1024;
    }

    /** The first {@code lines} lines of the server's live-object class histogram. */
    String histogram(int lines) throws Exception {
        String text;
        if (process == null) {
            text = (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
        } else {
            // jcmd's first line is the pid
            text = jcmd("GC.class_histogram").lines().skip(1).collect(Collectors.joining("\n"));
        }
        return text.lines().limit(lines).collect(Collectors.joining("\n", "", "\n"));
    }

    /** The server's max heap, from its JVM flags. */
    long maxHeap() throws Exception {
        if (process == null) return Runtime.getRuntime().maxMemory();
        Matcher m = Pattern.compile("-XX:MaxHeapSize=(\\d+)").matcher(jcmd("VM.flags"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private String jcmd(String command) throws Exception {
        Process p = new ProcessBuilder(Jvm.tool("jcmd"), String.valueOf(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + ": " + out);
        }
        return out;
    }

    /** The server's open files by kind (sockets, jars, other), from /proc/<pid>/fd. */
    Map<String, Integer> openFiles() throws IOException {
        Map<String, Integer> kinds = new TreeMap<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds.forEach(fd -> {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException closedMeanwhile) {
                    return;
                }
                String kind = target.startsWith("socket:") ? "sockets" : target.endsWith(".jar") ? "jars" : "other";
                kinds.merge(kind, 1, Integer::sum);
            });
        }
        kinds.put("total", kinds.values().stream().mapToInt(Integer::intValue).sum());
        return kinds;
    }

    /** One line for the report: what runs, and its open files. */
    String describe() throws IOException {
        Map<String, Integer> f = openFiles();
        return String.format(
                "diemcau: %s (pid %d), open files %d: %d sockets, %d jars, %d other",
                mode.equals("jar") ? "production jar" : "@QuarkusTest JVM",
                pid,
                f.get("total"),
                f.getOrDefault("sockets", 0),
                f.getOrDefault("jars", 0),
                f.getOrDefault("other", 0));
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) return;
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}

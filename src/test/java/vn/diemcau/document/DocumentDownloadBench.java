package vn.diemcau.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.diemcau.bench.Jit;
import vn.diemcau.bench.Wrk;
import vn.diemcau.roster.RosterFixtures;

/**
 * Download throughput of diemcau against nginx serving the very same files on loopback, with wrk:
 * C concurrent clients, each connection a different participant (real invitation tokens), plain
 * (non-watermarked) PDFs of 5 MB and 200 KB; nginx gets the very same requests (the invitation
 * header, which it ignores, from the same wrk script). A warm-up run of each file first, unreported,
 * then the JIT is let go quiet. Rounds interleave the two servers; medians are reported. Runs only when asked: bench/documents/run.sh (or -Dbench.documents=true).
 */
@QuarkusTest
class DocumentDownloadBench {
    static final int WRK_THREADS = 2;

    @Inject
    DocumentsConfig config;

    @TestHTTPResource("/")
    URL base;

    record Result(String server, String file, double requestsPerSecond, double megabytesPerSecond, String latency) {}

    @Test
    void downloadsAgainstNginx() throws Exception {
        assumeTrue(Boolean.getBoolean("bench.documents"), "benchmark: run with -Dbench.documents=true");
        int clients = Integer.getInteger("bench.clients", 100);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int seconds = Integer.getInteger("bench.seconds", 10);
        int participants = Integer.getInteger("bench.participants", clients);
        // nginx's workers run as nobody: the files must be readable to them
        Path work = Files.createTempDirectory(
                "diemcau-bench-documents",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));

        long sid = RosterFixtures.session("Hội nghị đo tải tài liệu " + UUID.randomUUID());
        long point = RosterFixtures.point(sid, "Điểm cầu đo tải");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            long did =
                    RosterFixtures.addDelegate(sid, RosterFixtures.delegate("Đại biểu đo tải " + i, "Xã " + i, point));
            tokens.add(DocumentResourceTest.invitation(sid, did));
        }
        Map<String, Integer> sizes = Map.of("5MB", 5 * 1024 * 1024, "200KB", 200 * 1024);
        Path html = Files.createDirectories(work.resolve("html"));
        Map<String, String> paths = new java.util.LinkedHashMap<>();
        for (String name : List.of("5MB", "200KB")) {
            byte[] pdf = padded(DocumentFixtures.pdf("Tài liệu đo tải " + name, 2), sizes.get(name));
            long id = DocumentFixtures.uploaded(sid, "tai-lieu-" + name + ".pdf", pdf, Map.of());
            // nginx serves the exact bytes diemcau stored
            Path copy = Files.copy(config.dir().resolve(id + "/1"), html.resolve(name + ".pdf"));
            Files.setPosixFilePermissions(copy, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            paths.put(name, "/api/sessions/" + sid + "/documents/" + id + "/file");
        }

        int nginxPort = Wrk.freePort();
        Process nginx = startNginx(work, html, nginxPort);
        List<Result> results = new ArrayList<>();
        long compiledDuring = -1;
        try {
            Path script = work.resolve("tokens.lua");
            Files.writeString(script, Wrk.tokensScript(tokens, null, null, WRK_THREADS), StandardCharsets.UTF_8);
            // unreported: the server's hot paths compiled before anything is measured (on two cores a
            // C2 thread still compiling takes a third of the machine: docs/benchmarks-history.md, sixth pass)
            for (String name : paths.keySet())
                wrk("diemcau", name, "http://127.0.0.1:" + base.getPort() + paths.get(name), clients, seconds, script);
            System.out.println("[bench] warm-up done, " + Jit.awaitQuiet(60));
            long compiled = Jit.compiledMillis();
            for (int r = 0; r < rounds; r++) {
                for (String name : paths.keySet()) {
                    results.add(wrk(
                            "nginx",
                            name,
                            "http://127.0.0.1:" + nginxPort + "/" + name + ".pdf",
                            clients,
                            seconds,
                            // the same clients: nginx ignores the invitation, but wrk pays for making
                            // each request as it does for diemcau's
                            script));
                    results.add(wrk(
                            "diemcau",
                            name,
                            "http://127.0.0.1:" + base.getPort() + paths.get(name),
                            clients,
                            seconds,
                            script));
                }
            }
            compiledDuring = Jit.compiledMillis() - compiled;
        } finally {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        String report = report(results, clients, seconds, rounds)
                + "JIT compiling during the measured rounds (after a warm-up run of each file): " + compiledDuring
                + " ms\n\n"
                + vn.diemcau.common.GroupCommit.stats("document-downloads") + "\n";
        Path out = Files.createDirectories(Path.of("target", "bench")).resolve("documents.md");
        Files.writeString(out, report);
        System.out.println(report);
        assertEquals(rounds * 4, results.size());
    }

    /** A PDF grown to {@code size} with a comment block after its end (readers ignore it; the server does not read it). */
    static byte[] padded(byte[] pdf, int size) {
        byte[] out = Arrays.copyOf(pdf, size);
        Random random = new Random(42);
        out[pdf.length] = '\n';
        out[pdf.length + 1] = '%';
        for (int i = pdf.length + 2; i < size; i++) out[i] = (byte) ('a' + random.nextInt(26));
        return out;
    }

    static Process startNginx(Path work, Path html, int port) throws IOException, InterruptedException {
        Path conf = work.resolve("nginx.conf");
        Files.createDirectories(work.resolve("logs"));
        Files.writeString(conf, """
                worker_processes 2;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                daemon off;
                events { worker_connections 4096; }
                http {
                  access_log off;
                  sendfile on;
                  tcp_nopush on;
                  keepalive_requests 100000;
                  client_body_temp_path %1$s/tmp-body;
                  proxy_temp_path %1$s/tmp-proxy;
                  fastcgi_temp_path %1$s/tmp-fastcgi;
                  uwsgi_temp_path %1$s/tmp-uwsgi;
                  scgi_temp_path %1$s/tmp-scgi;
                  types { application/pdf pdf; }
                  server {
                    listen 127.0.0.1:%2$d;
                    root %3$s;
                    etag on;
                  }
                }
                """.formatted(work, port, html));
        Process p = new ProcessBuilder("nginx", "-c", conf.toString(), "-p", work.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("logs/nginx.out").toFile())
                .start();
        if (Wrk.awaitPort(port, 50)) return p;
        throw new IllegalStateException("nginx did not start: " + Files.readString(work.resolve("logs/nginx.out")));
    }

    static Result wrk(String server, String file, String url, int clients, int seconds, Path script)
            throws IOException, InterruptedException {
        Wrk.Result r = Wrk.run(WRK_THREADS, clients, seconds, script == null ? null : script.toString(), url);
        if (r.errors() > 0) throw new IllegalStateException(server + " answered " + r.errors() + " errors");
        return new Result(server, file, r.requestsPerSecond(), r.megabytesPerSecond(), r.p99());
    }

    static String report(List<Result> results, int clients, int seconds, int rounds) {
        StringBuilder b = new StringBuilder(
                "| file | nginx req/s | diemcau req/s | nginx MB/s | diemcau MB/s | ratio (diemcau/nginx) | p99 nginx | p99 diemcau |\n"
                        + "|---|---|---|---|---|---|---|---|\n");
        for (String file : List.of("5MB", "200KB")) {
            Result n = median(results, "nginx", file);
            Result d = median(results, "diemcau", file);
            b.append("| %s | %.0f | %.0f | %.0f | %.0f | %.2f | %s | %s |\n"
                    .formatted(
                            file,
                            n.requestsPerSecond,
                            d.requestsPerSecond,
                            n.megabytesPerSecond,
                            d.megabytesPerSecond,
                            d.requestsPerSecond / n.requestsPerSecond,
                            n.latency,
                            d.latency));
        }
        b.append("\n%d concurrent clients, %d s per run, median of %d interleaved rounds.\n"
                .formatted(clients, seconds, rounds));
        return b.toString();
    }

    static Result median(List<Result> results, String server, String file) {
        List<Result> rs = results.stream()
                .filter(r -> r.server.equals(server) && r.file.equals(file))
                .sorted(java.util.Comparator.comparingDouble(Result::requestsPerSecond))
                .toList();
        return rs.get(rs.size() / 2);
    }
}

package vn.diemcau.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk 4 (C, one event loop per thread) as a load generator, and a port to run a server on. It costs
 * far less CPU per request than a JVM client, so on these two cores it leaves more to the server.
 */
public final class Wrk {
    private Wrk() {}

    /**
     * What a run printed: requests per second, MB/s, the latency at the 50th and 99th percentile as
     * printed, and the requests completed; {@code errors} counts non-2xx answers and socket errors.
     */
    public record Result(
            double requestsPerSecond, double megabytesPerSecond, String p50, String p99, long requests, long errors) {}

    /**
     * A script that gives each request the next participant's invitation: thread {@code t} of {@code
     * threads} takes tokens t, t + threads, t + 2 × threads, … and starts over at the end of the list.
     * {@code method} and {@code path} null: the URL's.
     */
    public static String tokensScript(List<String> tokens, String method, String path, int threads) {
        StringBuilder b = new StringBuilder("local tokens = {\n");
        for (String t : tokens) b.append("  \"").append(t).append("\",\n");
        b.append("}\nlocal counter = 0\n")
                .append("function setup(thread)\n  thread:set(\"id\", counter)\n  counter = counter + 1\nend\n")
                .append("local i = -1\nrequest = function()\n  i = i + 1\n")
                .append("  local t = tokens[((i * ")
                .append(threads)
                .append(" + id) % #tokens) + 1]\n")
                .append("  return wrk.format(")
                .append(method == null ? "nil" : "\"" + method + "\"")
                .append(", ")
                .append(path == null ? "nil" : "\"" + path + "\"")
                .append(", { [\"Authorization\"] = \"Invitation \" .. t, [\"Content-Length\"] = \"0\" })\nend\n");
        return b.toString();
    }

    /** Runs {@code wrk -t<threads> -c<clients> -d<seconds>s --timeout 30s --latency [-s script] url}. */
    public static Result run(int threads, int clients, int seconds, String script, String url)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(
                List.of("wrk", "-t" + threads, "-c" + clients, "-d" + seconds + "s", "--timeout", "30s", "--latency"));
        if (script != null) cmd.addAll(List.of("-s", script));
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        System.out.println("[bench] " + String.join(" ", cmd) + "\n" + out);
        double mb = 0;
        Matcher t = Pattern.compile("Transfer/sec:\\s+([\\d.]+)(\\w+)").matcher(out);
        if (t.find()) {
            double v = Double.parseDouble(t.group(1));
            mb = switch (t.group(2)) {
                case "GB" -> v * 1024;
                case "MB" -> v;
                case "KB" -> v / 1024;
                default -> v / (1024 * 1024);
            };
        }
        long errors = (long) number(out, "Non-2xx or 3xx responses:\\s+(\\d+)");
        Matcher e = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(out);
        if (e.find()) for (int g = 1; g <= 4; g++) errors += Long.parseLong(e.group(g));
        return new Result(
                number(out, "Requests/sec:\\s+([\\d.]+)"),
                mb,
                text(out, "\\s50%\\s+(\\S+)"),
                text(out, "\\s99%\\s+(\\S+)"),
                (long) number(out, "(\\d+) requests in"),
                errors);
    }

    static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    static String text(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    /** Whether something listens on the loopback port within {@code tries} tenths of a second. */
    public static boolean awaitPort(int port, int tries) throws InterruptedException {
        for (int i = 0; i < tries; i++) {
            try (var s = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        return false;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

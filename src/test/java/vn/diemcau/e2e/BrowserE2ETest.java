package vn.diemcau.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the Playwright flows under frontend/e2e in the machine's headless Chromium against this test
 * app, which serves the built SPA through Quinoa and signs people in through the in-process OIDC
 * server. {@code -De2e.specs=e2e/sessions,e2e/roster} narrows the run to some flows.
 */
@QuarkusTest
class BrowserE2ETest {
    private static final long TIMEOUT_MINUTES = 20;

    @TestHTTPResource("/")
    URL url;

    @Test
    void flowsPassInChromium() throws Exception {
        Path frontend = Path.of("frontend").toAbsolutePath();
        Path playwright = frontend.resolve("node_modules/.bin/playwright");
        assertTrue(Files.isExecutable(playwright), "run `npm --prefix frontend ci` first: " + playwright);
        Path out = Path.of("target", "e2e").toAbsolutePath();

        List<String> command = new ArrayList<>(List.of(playwright.toString(), "test"));
        String specs = System.getProperty("e2e.specs", "").strip();
        if (!specs.isEmpty()) command.addAll(List.of(specs.split("\\s*,\\s*")));

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(frontend.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        String base = url.toString().replaceAll("/+$", "");
        builder.environment().put("BASE_URL", base);
        builder.environment().put("E2E_OUTPUT_DIR", out.resolve("results").toString());
        builder.environment().put("SCREENSHOT_DIR", out.resolve("screenshots").toString());
        builder.environment().put("CI", "true");

        Process process = builder.start();
        // Copied line by line through System.out: writing to the inherited native stream would
        // corrupt Surefire's channel to the forked JVM.
        Thread pump = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(System.out::println);
            } catch (IOException e) {
                System.out.println("[e2e] output lost: " + e);
            }
        });
        pump.setDaemon(true);
        pump.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("Playwright did not finish within " + TIMEOUT_MINUTES + " minutes");
        }
        pump.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(0, process.exitValue(), "Playwright flows failed; see the output above and " + out);
    }
}

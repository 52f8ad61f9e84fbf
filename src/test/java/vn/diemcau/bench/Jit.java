package vn.diemcau.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JIT compilers of this JVM, for the benchmarks that run the server (and, for votes, the phones)
 * in it: a measured burst begins once they have gone quiet after the warm-up, and its table says how
 * much compiling still happened during it. On two cores a C2 compiler thread still at work takes a
 * third of the machine from the burst (seen in the sixth pass: 0.6–0.7 of a core during a check-in
 * run, compiling the warm-up's last hot methods and the test harness's own), which a server that has
 * run for a while does not pay.
 */
public final class Jit {
    private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

    /** Compiling in a second below which the compilers count as quiet. */
    private static final long QUIET_MS = 50;

    private Jit() {}

    /** Milliseconds this JVM's compilers have spent so far. */
    public static long compiledMillis() {
        return COMPILER.getTotalCompilationTime();
    }

    /**
     * Waits until the compilers spent less than {@link #QUIET_MS} in a second, or {@code maxSeconds}
     * passed; answers what it waited, for the notes.
     */
    public static String awaitQuiet(int maxSeconds) throws InterruptedException {
        long began = System.nanoTime(), first = compiledMillis(), last = first;
        for (int s = 0; s < maxSeconds; s++) {
            Thread.sleep(1000);
            long now = compiledMillis();
            if (now - last < QUIET_MS) break;
            last = now;
        }
        return String.format(
                "waited %.1f s for the JIT to go quiet (%d ms compiling meanwhile)",
                (System.nanoTime() - began) / 1e9, compiledMillis() - first);
    }
}

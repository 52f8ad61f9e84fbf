import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * CPU samples per fan-out event, by thread, from a recording of diemcau's jar (async-profiler's
 * {@code event=cpu,jfr} or JFR's own execution samples). An event's window is a run of samples in
 * {@code LiveHub}'s fan-out task with no gap over 100 ms, widened by 30 ms before it (the main
 * hall's command) and 10 ms after it. Prints one line per window: its start (ms into the
 * recording), its length, the fan-out task's samples, and every thread's samples within it
 * (thread names without their numbers: "vert.x-eventloop-thread", "C2 CompilerThread", ...).
 *
 * <pre>java bench/jfr/FanOutWindows.java /tmp/fan.jfr</pre>
 */
public class FanOutWindows {
    public static void main(String[] args) throws Exception {
        List<RecordedEvent> samples = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0])))
            if (e.getEventType().getName().equals("jdk.ExecutionSample")) samples.add(e);
        samples.sort((a, b) -> a.getStartTime().compareTo(b.getStartTime()));
        if (samples.isEmpty()) throw new IllegalArgumentException("no execution samples in " + args[0]);
        long t0 = samples.get(0).getStartTime().toEpochMilli();
        TreeSet<Long> fan = new TreeSet<>();
        for (RecordedEvent e : samples) if (inFanOut(e)) fan.add(e.getStartTime().toEpochMilli());
        List<long[]> windows = new ArrayList<>();
        for (long t : fan) {
            if (windows.isEmpty() || t - windows.get(windows.size() - 1)[1] > 100) windows.add(new long[] {t, t});
            else windows.get(windows.size() - 1)[1] = t;
        }
        System.out.println("start_ms length_ms fanout_samples threads");
        for (long[] w : windows) {
            Map<String, Integer> threads = new TreeMap<>();
            int fanOut = 0;
            for (RecordedEvent e : samples) {
                long t = e.getStartTime().toEpochMilli();
                if (t < w[0] - 30 || t > w[1] + 10) continue;
                threads.merge(threadName(e), 1, Integer::sum);
                if (inFanOut(e)) fanOut++;
            }
            System.out.printf("%d %d %d %s%n", w[0] - t0, w[1] - w[0], fanOut, threads);
        }
    }

    static boolean inFanOut(RecordedEvent e) {
        if (e.getStackTrace() == null) return false;
        for (RecordedFrame f : e.getStackTrace().getFrames())
            if (f.getMethod().getName().startsWith("lambda$fanOut")) return true;
        return false;
    }

    static String threadName(RecordedEvent e) {
        RecordedThread t = e.getThread("sampledThread");
        if (t == null) return "?";
        String name = t.getJavaName() != null ? t.getJavaName() : t.getOSName();
        // G1's refinement threads have no Java name in async-profiler's recordings
        if (name == null || name.startsWith("[tid=")) name = "native " + t.getOSThreadId();
        return name.replaceAll("-\\d+$", "").replaceAll("#\\d+$", "");
    }
}

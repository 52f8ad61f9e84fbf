package vn.diemcau.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How the bench starts its other JVMs (the limit servers, the phones, the generator): with its own JDK and classpath. */
final class Jvm {
    private Jvm() {}

    /** A tool of the JDK this JVM runs on ({@code "java"}, {@code "jcmd"}). */
    static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /** {@code java <options> -cp <this JVM's classpath> <main> <args>}. */
    static List<String> main(List<String> options, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool("java"));
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }
}

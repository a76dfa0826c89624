package dev.pulse.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options that silence the warnings a Pulse JVM would print at start for uses that are
 * known and safe: RocksDB (Kafka Streams' state) and lz4 load their JNI libraries, which JDK 24 and
 * later call restricted native access, and Kafka unmaps its index files with
 * {@code sun.misc.Unsafe}, which JDK 24 and later warn about. Only options the JDK knows are given:
 * JDK 21 refuses to start with {@code --sun-misc-unsafe-memory-access} (JDK 23 brought it). The
 * {@code pulse} script chooses the same options by the same rule.
 */
public final class JvmOptions {

    /** The first JDK that knows {@code --sun-misc-unsafe-memory-access}. */
    static final int UNSAFE_OPTION_SINCE = 23;

    private JvmOptions() {
    }

    /** For a child JVM started from this JVM's own {@code java} binary. */
    public static List<String> quiet() {
        return quiet(Runtime.version().feature());
    }

    /** @param javaFeature the feature release of the JVM to start: 21, 25, ... */
    public static List<String> quiet(int javaFeature) {
        List<String> options = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED"));
        if (javaFeature >= UNSAFE_OPTION_SINCE) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return List.copyOf(options);
    }
}

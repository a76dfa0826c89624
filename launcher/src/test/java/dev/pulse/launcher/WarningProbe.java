package dev.pulse.launcher;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;

/**
 * Does in a child JVM what Pulse's libraries do at start: Kafka unmaps a buffer with
 * {@code sun.misc.Unsafe::invokeCleaner}, RocksDB and lz4 load a JNI library. Run by {@link JvmOptionsTest}.
 */
public final class WarningProbe {

    private WarningProbe() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        ((sun.misc.Unsafe) field.get(null)).invokeCleaner(ByteBuffer.allocateDirect(16));
        System.loadLibrary("zip");
        System.out.println("probed");
    }
}

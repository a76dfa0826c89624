package dev.pulse.processor.customer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;

/**
 * The few primitives {@link CustomerStateSerde} is written in: unsigned varints, strings as a length
 * and UTF-8 (0 for null, else length + 1), instants as seconds and nanoseconds (exact, unlike the
 * epoch milliseconds of the JSON state). A growable array, no streams: this runs twice per event.
 */
final class StateBytes {

    private StateBytes() {
    }

    static final class Writer {

        private byte[] bytes = new byte[512];
        private int size;

        void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = (byte) b;
        }

        void varint(long value) {
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                write((int) ((rest & 0x7F) | 0x80));
                rest >>>= 7;
            }
            write((int) rest);
        }

        void bytes(byte[] value) {
            varint(value.length);
            ensure(value.length);
            System.arraycopy(value, 0, bytes, size, value.length);
            size += value.length;
        }

        void string(String value) {
            if (value == null) {
                varint(0);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length + 1L);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        void strings(Collection<String> values) {
            varint(values.size());
            values.forEach(this::string);
        }

        void instant(Instant value) {
            if (value == null) {
                write(0);
                return;
            }
            write(1);
            // zig-zag: instants before 1970 are allowed, and stay short
            long seconds = value.getEpochSecond();
            varint((seconds << 1) ^ (seconds >> 63));
            varint(value.getNano());
        }

        void flag(boolean present) {
            write(present ? 1 : 0);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    static final class Reader {

        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        int read() {
            if (position >= bytes.length) {
                throw new IllegalStateException("customer state ends after " + bytes.length + " bytes");
            }
            return bytes[position++] & 0xFF;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = read();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalStateException("a number in the customer state is longer than 64 bits");
        }

        int count() {
            long n = varint();
            if (n > bytes.length - position) {
                // every element takes at least one byte: a larger count is a damaged state, not a huge one
                throw new IllegalStateException("a count of " + n + " with " + (bytes.length - position) + " bytes left");
            }
            return (int) n;
        }

        byte[] bytes() {
            int length = count();
            byte[] value = Arrays.copyOfRange(bytes, position, position + length);
            position += length;
            return value;
        }

        String string() {
            long encoded = varint();
            if (encoded == 0) {
                return null;
            }
            int length = (int) (encoded - 1);
            if (length > bytes.length - position) {
                throw new IllegalStateException("a string of " + length + " bytes with " + (bytes.length - position) + " left");
            }
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }

        <C extends Collection<String>> C strings(C into) {
            int n = count();
            for (int i = 0; i < n; i++) {
                into.add(string());
            }
            return into;
        }

        Instant instant() {
            if (read() == 0) {
                return null;
            }
            long zigzag = varint();
            long seconds = (zigzag >>> 1) ^ -(zigzag & 1);
            return Instant.ofEpochSecond(seconds, varint());
        }

        boolean flag() {
            return read() != 0;
        }

        boolean atEnd() {
            return position == bytes.length;
        }
    }
}

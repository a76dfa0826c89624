package dev.pulse.importer.sheet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The character set of a CSV, guessed the way the files arrive: a byte order mark wins (Excel's
 * "CSV UTF-8" writes one, its "Unicode text" writes a UTF-16 one); otherwise a prefix that decodes
 * as strict UTF-8 is UTF-8; otherwise it is GB18030, the superset of GBK and GB2312 that Excel on a
 * Chinese Windows writes for plain "CSV".
 *
 * @param charset  the decoder to use
 * @param bomBytes how many bytes of byte order mark to skip
 */
record CsvEncoding(Charset charset, int bomBytes) {

    static final Charset GB18030 = Charset.forName("GB18030");

    static CsvEncoding detect(byte[] prefix, int length, boolean wholeFile) {
        byte[] bytes = Arrays.copyOf(prefix, length);
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new CsvEncoding(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new CsvEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new CsvEncoding(StandardCharsets.UTF_16BE, 2);
        }
        return new CsvEncoding(isUtf8(bytes, wholeFile) ? StandardCharsets.UTF_8 : GB18030, 0);
    }

    /** Strict decoding; a multi-byte character cut by the end of a prefix is not held against it. */
    private static boolean isUtf8(byte[] bytes, boolean wholeFile) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int end = bytes.length;
        if (!wholeFile) {
            // Back off to the start of the last character so a truncated sequence is not an error.
            int i = end - 1;
            while (i >= 0 && end - i <= 4 && (bytes[i] & 0xC0) == 0x80) {
                i--;
            }
            if (i >= 0 && (bytes[i] & 0x80) != 0) {
                end = i;
            }
        }
        try {
            decoder.decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, int... marks) {
        if (bytes.length < marks.length) {
            return false;
        }
        for (int i = 0; i < marks.length; i++) {
            if ((bytes[i] & 0xFF) != marks[i]) {
                return false;
            }
        }
        return true;
    }
}

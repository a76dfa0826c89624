package dev.pulse.importer.sheet;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV read record by record (RFC 4180: quoted fields may hold delimiters, doubled quotes and
 * line breaks), so a file of any size needs the memory of one record. The encoding and the
 * delimiter (comma, semicolon or tab) are sniffed from the first 64 KiB.
 */
public final class CsvSheet implements Sheet {

    private static final int SNIFF = 64 * 1024;
    private static final int MAX_FIELD = 1 << 20;

    private final CountingStream counted;
    private final long size;
    private final Reader reader;
    private final char delimiter;
    private final CsvEncoding encoding;
    private final List<String> header;
    private long record;
    private int peeked = -2;

    public CsvSheet(InputStream in, long size) throws IOException {
        this.counted = new CountingStream(in);
        this.size = size;
        BufferedInputStream buffered = new BufferedInputStream(counted, SNIFF);
        buffered.mark(SNIFF);
        byte[] prefix = buffered.readNBytes(SNIFF);
        buffered.reset();
        boolean whole = prefix.length < SNIFF;
        encoding = CsvEncoding.detect(prefix, prefix.length, whole);
        buffered.skipNBytes(encoding.bomBytes());
        int bom = encoding.bomBytes();
        String text = new String(prefix, bom, prefix.length - bom, encoding.charset());
        delimiter = sniffDelimiter(text);
        reader = new java.io.BufferedReader(new InputStreamReader(buffered, encoding.charset()), 1 << 16);
        List<String> first;
        do {
            first = readRecord();
        } while (first != null && first.stream().allMatch(String::isEmpty));
        if (first == null) {
            throw new UnreadableSheetException("the file has no header row");
        }
        header = first;
    }

    /** The candidate with the most occurrences outside quotes in the first record; comma on a tie. */
    static char sniffDelimiter(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (comma + semicolon + tab > 0) {
                    break;
                }
            } else if (!quoted) {
                switch (c) {
                    case ',' -> comma++;
                    case ';' -> semicolon++;
                    case '\t' -> tab++;
                    default -> { }
                }
            }
        }
        if (tab > comma && tab >= semicolon) {
            return '\t';
        }
        return semicolon > comma ? ';' : ',';
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SheetRow next() throws IOException {
        List<String> cells;
        while ((cells = readRecord()) != null) {
            if (!cells.stream().allMatch(String::isEmpty)) {
                return new SheetRow(record, cells);
            }
        }
        return null;
    }

    private List<String> readRecord() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        record++;
        List<String> cells = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (c == -1) {
                cells.add(Cells.text(field.toString()));
                return cells;
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && !wasQuoted && field.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (ch == delimiter) {
                cells.add(Cells.text(field.toString()));
                field.setLength(0);
                wasQuoted = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    int after = read();
                    if (after != '\n') {
                        unread(after);
                    }
                }
                cells.add(Cells.text(field.toString()));
                return cells;
            } else {
                field.append(ch);
            }
            if (field.length() > MAX_FIELD) {
                throw new UnreadableSheetException("record " + record + " has a field over 1 MiB: an unclosed quote?");
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return reader.read();
    }

    private void unread(int c) {
        peeked = c;
    }

    @Override
    public double progress() {
        return size > 0 ? Math.min(1.0, (double) counted.count / size) : -1;
    }

    @Override
    public String description() {
        String charset = encoding.charset().equals(StandardCharsets.UTF_8) && encoding.bomBytes() > 0
                ? "UTF-8 with BOM" : encoding.charset().name();
        return "csv " + charset + " delimiter " + (delimiter == '\t' ? "TAB" : "'" + delimiter + "'");
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Counts the bytes the decoder pulled, for the progress bar. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}

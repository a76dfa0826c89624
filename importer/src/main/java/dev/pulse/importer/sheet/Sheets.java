package dev.pulse.importer.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Opens a file as a {@link Sheet}, choosing the reader by its first bytes, then by its extension. */
public final class Sheets {

    private Sheets() {
    }

    public static Sheet open(Path file) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UnreadableSheetException("cannot read " + file);
        }
        byte[] magic;
        try (InputStream in = Files.newInputStream(file)) {
            magic = in.readNBytes(8);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (isZip(magic)) {
                return new XlsxSheet(file.toFile());
            }
            if (isOle2(magic)) {
                return new XlsSheet(file.toFile());
            }
        } catch (UnreadableSheetException e) {
            throw e;
        } catch (IOException e) {
            throw new UnreadableSheetException(file.getFileName() + " is a damaged workbook: " + e.getMessage(), e);
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            throw new UnreadableSheetException(file.getFileName() + " is named like a workbook but is not one");
        }
        return new CsvSheet(Files.newInputStream(file), Files.size(file));
    }

    private static boolean isZip(byte[] magic) {
        return magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }

    private static boolean isOle2(byte[] magic) {
        return magic.length >= 8 && (magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF
                && (magic[2] & 0xFF) == 0x11 && (magic[3] & 0xFF) == 0xE0;
    }
}

package dev.pulse.importer.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSheetTest {

    private static final String TEXT = "客户姓名,联系方式,跟进内容\r\n王建国,13800138000,\"电话沟通，报价 12,800\"\r\n";

    @Test
    void shouldReadUtf8WithAByteOrderMark() throws IOException {
        byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        CsvSheet sheet = open(withBom);
        assertThat(sheet.header()).containsExactly("客户姓名", "联系方式", "跟进内容");
        assertThat(rows(sheet)).containsExactly(List.of("王建国", "13800138000", "电话沟通，报价 12,800"));
        assertThat(sheet.description()).isEqualTo("csv UTF-8 with BOM delimiter ','");
    }

    @Test
    void shouldReadUtf8WithoutAByteOrderMark() throws IOException {
        CsvSheet sheet = open(TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(sheet.header()).containsExactly("客户姓名", "联系方式", "跟进内容");
        assertThat(sheet.description()).isEqualTo("csv UTF-8 delimiter ','");
    }

    @Test
    void shouldReadGbkAsExcelWritesItInChina() throws IOException {
        CsvSheet sheet = open(TEXT.replace(',', ';').replace("\"电话沟通，报价 12;800\"", "电话沟通，报价")
                .getBytes(Charset.forName("GBK")));
        assertThat(sheet.header()).containsExactly("客户姓名", "联系方式", "跟进内容");
        assertThat(rows(sheet)).containsExactly(List.of("王建国", "13800138000", "电话沟通，报价"));
        assertThat(sheet.description()).isEqualTo("csv GB18030 delimiter ';'");
    }

    @Test
    void shouldReadGb18030CharactersOutsideGbk() throws IOException {
        // 𠀀 (U+20000) exists in GB18030 only: the reader must not fall back to plain GBK.
        CsvSheet sheet = open("客户姓名\t备注\n\uD840\uDC00先生\t生僻字\n".getBytes(Charset.forName("GB18030")));
        assertThat(rows(sheet)).containsExactly(List.of("\uD840\uDC00先生", "生僻字"));
        assertThat(sheet.description()).isEqualTo("csv GB18030 delimiter TAB");
    }

    @Test
    void shouldReadExcelsUnicodeTextAsUtf16WithItsByteOrderMark() throws IOException {
        byte[] body = "客户姓名\t联系方式\r\n王建国\t13800138000\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        CsvSheet sheet = open(withBom);
        assertThat(sheet.header()).containsExactly("客户姓名", "联系方式");
        assertThat(rows(sheet)).containsExactly(List.of("王建国", "13800138000"));
        assertThat(sheet.description()).isEqualTo("csv UTF-16LE delimiter TAB");
    }

    @Test
    void shouldKeepQuotedDelimitersLineBreaksAndQuotes() throws IOException {
        String csv = "a,b,c\n1,\"two\nlines\",\"say \"\"hi\"\"\"\r3,,\"x,y\"\n\n,,\n";
        CsvSheet sheet = open(csv.getBytes(StandardCharsets.UTF_8));
        List<SheetRow> rows = new ArrayList<>();
        SheetRow row;
        while ((row = sheet.next()) != null) {
            rows.add(row);
        }
        assertThat(rows).extracting(SheetRow::cells).containsExactly(
                List.of("1", "two\nlines", "say \"hi\""), List.of("3", "", "x,y"));
        // Record numbers as a spreadsheet numbers the rows: header 1, then 2, 3; blank records skipped.
        assertThat(rows).extracting(SheetRow::number).containsExactly(2L, 3L);
    }

    @Test
    void shouldSniffTheDelimiterFromTheHeader() {
        assertThat(CsvSheet.sniffDelimiter("a;b;c\n1,5;2;3")).isEqualTo(';');
        assertThat(CsvSheet.sniffDelimiter("a\tb\tc,d\n")).isEqualTo('\t');
        assertThat(CsvSheet.sniffDelimiter("\"x;y\",b,c\n")).isEqualTo(',');
        assertThat(CsvSheet.sniffDelimiter("single\n")).isEqualTo(',');
    }

    @Test
    void shouldUndoTheQuoteOfAFormulaLikeCellFromARejectedRowsFile() throws IOException {
        CsvSheet sheet = open("名称,备注\n'=SUM(A1),'+86 138\n".getBytes(StandardCharsets.UTF_8));
        assertThat(rows(sheet)).containsExactly(List.of("=SUM(A1)", "+86 138"));
    }

    private static CsvSheet open(byte[] bytes) throws IOException {
        return new CsvSheet(new ByteArrayInputStream(bytes), bytes.length);
    }

    private static List<List<String>> rows(Sheet sheet) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        SheetRow row;
        while ((row = sheet.next()) != null) {
            rows.add(row.cells());
        }
        return rows;
    }
}

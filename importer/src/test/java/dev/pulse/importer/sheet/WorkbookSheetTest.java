package dev.pulse.importer.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.importer.fixtures.SheetFixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookSheetTest {

    @TempDir
    Path dir;

    @Test
    void shouldStreamAnXlsxWithDateCellsSerialsAndNumericPhones() throws IOException {
        try (Sheet sheet = Sheets.open(SheetFixtures.followUpsXlsx(dir))) {
            assertThat(sheet.header()).startsWith("客户姓名", "联系方式", "公司名称", "职位", "跟进时间");
            List<SheetRow> rows = rows(sheet);
            assertThat(rows).hasSize(6);
            assertThat(rows.getFirst().number()).isEqualTo(2);
            assertThat(rows.getFirst().cell(1)).isEqualTo("13800138000");
            assertThat(rows.getFirst().cell(4)).isEqualTo("2025-10-03 14:05");
            assertThat(rows.get(1).cell(4)).isEqualTo("2025年10月8日 15:30");
            assertThat(rows.get(3).cell(4)).isEqualTo("45940.5");
            assertThat(sheet.description()).isEqualTo("xlsx");
        }
    }

    @Test
    void shouldReadALegacyXls() throws IOException {
        Path file = dir.resolve("old.xls");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet("跟进");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("客户姓名");
            header.createCell(1).setCellValue("联系方式");
            header.createCell(2).setCellValue("跟进时间");
            Row row = sheet.createRow(2); // a blank row 2 in between, as people leave them
            row.createCell(0).setCellValue("王建国");
            row.createCell(1).setCellValue(13800138000d);
            CellStyle dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d h:mm"));
            row.createCell(2).setCellValue(LocalDateTime.of(2025, 10, 3, 14, 5));
            row.getCell(2).setCellStyle(dates);
            workbook.write(out);
        }
        try (Sheet sheet = Sheets.open(file)) {
            assertThat(sheet.header()).containsExactly("客户姓名", "联系方式", "跟进时间");
            List<SheetRow> rows = rows(sheet);
            assertThat(rows).containsExactly(new SheetRow(3, List.of("王建国", "13800138000", "2025-10-03 14:05")));
        }
    }

    @Test
    void shouldRefuseAFileNamedLikeAWorkbookThatIsNone() throws IOException {
        Path file = dir.resolve("fake.xlsx");
        Files.writeString(file, "not a workbook");
        assertThatThrownBy(() -> Sheets.open(file)).isInstanceOf(UnreadableSheetException.class)
                .hasMessage("fake.xlsx is named like a workbook but is not one");
    }

    private static List<SheetRow> rows(Sheet sheet) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        SheetRow row;
        while ((row = sheet.next()) != null) {
            rows.add(row);
        }
        return rows;
    }
}

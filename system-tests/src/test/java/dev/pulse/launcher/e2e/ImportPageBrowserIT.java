package dev.pulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.importer.fixtures.SheetFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The import page in headless Chromium against the whole stack: a sheet chosen with the file
 * picker is imported (summary, rejected rows with their reasons as text, the rejected-rows
 * download), its rows reach the reports, and a file dropped on the page is dry-run.
 */
class ImportPageBrowserIT {

    /** A stage word that is markup: the reason quotes it, the page must show it as text. */
    private static final String HOSTILE_STAGE = "<img src=x onerror=window.pwned=1>";

    @TempDir
    static Path dir;

    @RegisterExtension
    static final BrowserSession session = BrowserSession.signedInAsAdmin("import-page", "it-admin");

    @Test
    void shouldImportAPickedFileShowTheRejectedRowsAsTextAndDryRunADroppedOne() throws IOException {
        // given the bad-rows sheet with one more row whose stage word is markup
        Path sheet = SheetFixtures.badRowsCsv(dir);
        Files.writeString(sheet, "马云;13000130000;2025-10-12;电话;首次电话;" + HOSTILE_STAGE + ";王芳\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        session.browser().get("http://localhost:" + session.stack().reportPort() + "/import.html");
        var wait = new WebDriverWait(session.browser(), Duration.ofSeconds(60));
        wait.until(d -> d.findElement(By.id("import-submit")).getText().equals("Import"));

        // when it is chosen with the file picker and imported
        session.browser().findElement(By.id("file-input")).sendKeys(sheet.toAbsolutePath().toString());
        assertThat(session.browser().findElement(By.id("file-name")).getText()).startsWith("bad-rows.csv");
        session.browser().findElement(By.id("import-submit")).click();
        wait.until(d -> "done".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));

        // then the summary and every rejected row are shown, the markup as text
        assertThat(text("sum-read")).isEqualTo("9");
        assertThat(text("sum-accepted")).isEqualTo("2");
        assertThat(text("sum-rejected")).isEqualTo("7");
        assertThat(text("sum-customers")).isEqualTo("2");
        assertThat(text("result-title")).startsWith("Imported bad-rows.csv (csv UTF-8 with BOM delimiter ';', Follow-ups");
        List<WebElement> rows = session.browser().findElements(By.cssSelector("#rejected-table tbody tr"));
        assertThat(rows).extracting(row -> row.findElement(By.tagName("td")).getText())
                .containsExactly("3", "4", "5", "6", "7", "8", "10");
        assertThat(rows.getLast().getText()).contains("客户状态", "'" + HOSTILE_STAGE + "' is not a stage");
        assertThat(session.browser().findElements(By.cssSelector("#rejected-table img"))).isEmpty();
        WebElement download = session.browser().findElement(By.id("rejected-download"));
        assertThat(download.getAttribute("download")).isEqualTo("bad-rows.rejected.csv");
        assertThat(download.getAttribute("href")).startsWith("blob:");
        Object csv = ((JavascriptExecutor) session.browser()).executeAsyncScript(
                "const done = arguments[0]; fetch(document.getElementById('rejected-download').href)"
                        + ".then(r => r.arrayBuffer()).then(b => done(Array.from(new Uint8Array(b.slice(0, 3)))));");
        assertThat(csv).as("the download starts with the UTF-8 byte order mark").isEqualTo(List.of(0xEFL, 0xBBL, 0xBFL));
        // and the two accepted rows reach the reports
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                session.client().get("/api/v1/reports/funnel?from=2025-10-01&to=2025-10-31").get("customers").asInt()).isEqualTo(2));

        // when a file is dropped on the page and dry-run, in Chinese
        session.browser().findElement(By.id("lang-zh")).click();
        session.browser().findElement(By.id("dry-run")).click();
        ((JavascriptExecutor) session.browser()).executeScript("""
                const file = new File(['客户姓名,联系方式,跟进时间,跟进方式,跟进内容,客户状态,负责人\\n'
                  + '张三,13900000001,2025/10/20 9:00,电话,拖放导入,成交,李四\\n'], 'dropped.csv', {type: 'text/csv'});
                const transfer = new DataTransfer();
                transfer.items.add(file);
                document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));""");
        assertThat(text("file-name")).startsWith("dropped.csv");
        session.browser().findElement(By.id("import-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-title"), "dropped.csv"));

        // then the summary says what would happen, and nothing was written
        assertThat(text("result-title")).startsWith("dropped.csv 试运行");
        assertThat(text("sum-accepted")).isEqualTo("1");
        assertThat(text("sum-rejected")).isEqualTo("0");
        assertThat(session.browser().findElement(By.id("rejected-panel")).isDisplayed()).isFalse();
        assertThat(session.client().get("/api/v1/reports/funnel?from=2025-10-01&to=2025-10-31").get("customers").asInt()).isEqualTo(2);

        List<LogEntry> errors = session.browser().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(errors).as("browser console errors").isEmpty();
        assertThat(((JavascriptExecutor) session.browser()).executeScript("return window.pwned === undefined")).isEqualTo(true);
    }

    private static String text(String id) {
        return session.browser().findElement(By.id(id)).getText();
    }
}

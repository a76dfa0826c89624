package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The overview in headless Chromium (Debian's chromium and chromium-driver; .ci/run installs
 * them): while follow-ups flow, the charts are drawn with exactly the posted figures, a live
 * update arrives without a reload, user text shows as text, and the console stays clean.
 */
class DashboardBrowserIT {

    private static final String HOSTILE_REP = "<img src=x onerror=alert(1)>";

    @RegisterExtension
    static final BrowserSession session = BrowserSession.signedInAsAdmin("browser", "it-admin");

    @Test
    void shouldDrawTheChartsWithTheLiveFiguresAndRenderUserTextAsText() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        post("rep-amy", "team-a", now, 2);
        post(HOSTILE_REP, "team-a", now, 1);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        session.browser().get("http://localhost:" + session.stack().reportPort() + "/?from=" + today.minusDays(6) + "&to=" + today.plusDays(1));
        WebDriverWait wait = new WebDriverWait(session.browser(), Duration.ofSeconds(60));
        wait.until(d -> repBarTotal() == 3);
        assertThat(session.browser().findElement(By.tagName("body")).getAttribute("data-state")).isEqualTo("ready");
        assertThat(lineTotal()).isEqualTo(3);
        assertThat(session.browser().findElement(By.id("rep-table-body")).getText()).contains(HOSTILE_REP).contains("rep-amy");

        // Live: a follow-up posted while the page is open appears without a reload.
        post("rep-amy", "team-a", now.plusSeconds(60), 1);
        wait.until(d -> repBarTotal() == 4);
        assertThat(lineTotal()).isEqualTo(4);

        // every number traceable: the card, a bar, a line's point and a table cell open the follow-ups they count
        session.browser().findElement(By.id("total-followups")).click();
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(4);
        int wechat = ((Number) ((JavascriptExecutor) session.browser()).executeScript(
                "return window.pulseCharts.byRep.getOption().series.findIndex(s => s.id === 'WECHAT');")).intValue();
        int amy = ((Number) ((JavascriptExecutor) session.browser()).executeScript(
                "return window.pulseCharts.byRep.getOption().xAxis[0].data.indexOf('rep-amy');")).intValue();
        Drilling.clickPoint(session.browser(), "chart-by-rep", "byRep", wechat, amy);
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(3);
        assertThat(Drilling.exportHref(session.browser(), "xlsx")).contains("/api/v1/exports/drill/follow-ups?", "format=xlsx",
                "repId=rep-amy", "channel=WECHAT");
        Drilling.clickPoint(session.browser(), "chart-by-day", "byDay", 0, Drilling.firstNonZero(session.browser(), "byDay", 0));
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(4);
        session.browser().findElement(By.cssSelector("#rep-table-body tr[data-rep='rep-amy'] td.drillable")).click();
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(3);
        // the hostile rep's list shows its id as text
        session.browser().findElement(By.cssSelector("#rep-table-body tr:not([data-rep='rep-amy']) td.drillable")).click();
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(1);
        assertThat(session.browser().findElements(By.cssSelector("#drill-dialog img"))).isEmpty();
        // the other cards: 2 active reps, 1 team, 3 touches (rep-amy's cust-b0 twice in a day is one touch, cust-b1 and
        // the hostile rep's cust-b0), no sale behind the revenue; the customers to call as many as the card says
        for (var card : List.of(Map.entry("total-reps", 2L), Map.entry("total-teams", 1L),
                Map.entry("total-customer-touches", 3L), Map.entry("total-revenue", 0L))) {
            session.browser().findElement(By.id(card.getKey())).click();
            assertThat(Drilling.openedListLength(session.browser())).as(card.getKey()).isEqualTo(card.getValue());
        }
        assertThat(Drilling.exportHref(session.browser(), "csv")).contains("/api/v1/exports/drill/sales?");
        long toCall = Long.parseLong(session.browser().findElement(By.id("total-stale")).getText());
        session.browser().findElement(By.id("total-stale")).click();
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(toCall);
        assertThat(Drilling.exportHref(session.browser(), "xlsx")).contains("/api/v1/exports/stale-customers?format=xlsx");
        assertThat(session.browser().getCurrentUrl()).doesNotContain("stale.html");

        List<LogEntry> errors = session.browser().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(errors).as("browser console errors").isEmpty();
        assertThat(ExpectedConditions.alertIsPresent().apply(session.browser())).as("no script from user text ran").isNull();
    }

    private static void post(String repId, String teamId, Instant at, int count) {
        for (int i = 0; i < count; i++) {
            var response = session.client().post("/api/v1/followups", followUp(UUID.randomUUID(), "cust-b" + i, repId, teamId,
                    at.plusSeconds(i).toString(), "WECHAT"));
            assertThat(response.status()).as("%s", response.body()).isEqualTo(202);
        }
    }

    /** Sum of every data point of the per-rep bar chart, read from ECharts itself. */
    private static long repBarTotal() {
        return sumSeries("byRep");
    }

    private static long lineTotal() {
        return sumSeries("byDay");
    }

    private static long sumSeries(String chart) {
        return Browser.sumSeries(session.browser(), chart);
    }
}

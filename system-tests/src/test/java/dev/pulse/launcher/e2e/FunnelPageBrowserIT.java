package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;
import static dev.pulse.launcher.e2e.FollowUps.sale;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.node.ObjectNode;

/**
 * The funnel page in headless Chromium (Debian's chromium and chromium-driver), against the whole
 * stack. Four customers of rep-f, all first followed up in the last days (default pipeline LEAD 1,
 * QUALIFIED 2, PROPOSAL 3, QUOTE 4, CONTRACT 5, WON 6, LOST 0):
 * <pre>
 * cust-fa  LEAD 3 days ago, QUALIFIED 2 days ago, WON 1 day ago, one sale   reaches LEAD..WON
 * cust-fb  LEAD 3 days ago, LOST 2 days ago                                 reaches LEAD (and LOST)
 * cust-fc  LEAD 3 days ago, PROPOSAL 1 day ago                              reaches LEAD..PROPOSAL
 * cust-fd  LEAD 2 days ago                                                  reaches LEAD
 * </pre>
 * So reached is LEAD 4, QUALIFIED 2, PROPOSAL 2, QUOTE 1, CONTRACT 1, WON 1; conversions 2/4,
 * 2/2, 1/2, 1/1, 1/1; win rate 1/(1+1); transitions LEAD>QUALIFIED, QUALIFIED>WON, LEAD>LOST and
 * LEAD>PROPOSAL once each; cust-fa spent exactly 1 day in QUALIFIED; rep-f converted 1 of 4.
 */
class FunnelPageBrowserIT {

    private static final ZoneId REPORTING_ZONE = ZoneId.of("Asia/Shanghai");
    /** A reason with markup in it: the page must show it as text, never run it. */
    private static final String LOST_REASON = "预算不足" + Browser.HOSTILE_TEXT;

    @RegisterExtension
    static final BrowserSession session = BrowserSession.signedInAsAdmin("funnel-page", "it-admin");

    @Test
    void shouldDrawTheCohortFunnelWinRateAndConversionsAndExportWithTheFilters() {
        // given: four customers of one rep, one won (with a sale), one lost, one at PROPOSAL, one still a lead
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant threeDaysAgo = now.minus(3, ChronoUnit.DAYS);
        Instant twoDaysAgo = now.minus(2, ChronoUnit.DAYS);
        Instant oneDayAgo = now.minus(1, ChronoUnit.DAYS);
        post("cust-fa", "13900000001", "LEAD", threeDaysAgo);
        post("cust-fa", "13900000001", "QUALIFIED", twoDaysAgo);
        post("cust-fa", "13900000001", "WON", oneDayAgo);
        post("cust-fb", "13900000002", "LEAD", threeDaysAgo.plus(1, ChronoUnit.MINUTES));
        post("cust-fb", "13900000002", "LOST", twoDaysAgo.plus(1, ChronoUnit.MINUTES));
        post("cust-fc", "13900000003", "LEAD", threeDaysAgo.plus(2, ChronoUnit.MINUTES));
        LocalDate closeDate = LocalDate.now(REPORTING_ZONE).plusDays(20);
        post("cust-fc", "13900000003", "PROPOSAL", oneDayAgo.plus(2, ChronoUnit.MINUTES), closeDate);
        post("cust-fd", "13900000004", "LEAD", twoDaysAgo.plus(3, ChronoUnit.MINUTES));
        var saleResponse = session.client().post("/api/v1/sales",
                sale("order-fa-1", "cust-fa", "rep-f", "team-f", "1000.00", oneDayAgo.plus(5, ChronoUnit.MINUTES).toString()));
        assertThat(saleResponse.status()).as("%s", saleResponse.body()).isEqualTo(202);
        LocalDate today = LocalDate.now(REPORTING_ZONE);
        String from = today.minusDays(7).toString();
        String to = today.plusDays(1).toString();

        // when: the page is opened for a cohort period around those days
        session.open("/funnel.html?from=" + from + "&to=" + to);
        var wait = session.waitUp();

        // then: the funnel shows the customers who reached each forward stage, and the win rate 1 of 2
        wait.until(d -> Map.of("LEAD", 4L, "QUALIFIED", 2L, "PROPOSAL", 2L, "QUOTE", 1L, "CONTRACT", 1L, "WON", 1L)
                .equals(funnelReached()));
        wait.until(ExpectedConditions.textToBe(By.id("win-rate"), "50%"));
        // every number traceable: each stage of the funnel, each card and each conversion opens the cohort's
        // customers it counts, as many as it says
        Map<String, Object> reached = funnelReached();
        for (int i = 0; i < reached.size(); i++) {
            String stage = (String) script("return window.pulseCharts.funnel.getOption().series[0].data[arguments[0]].stage;", i);
            Drilling.clickPoint(session.browser(), "chart-funnel", "funnel", 0, i);
            assertThat(Drilling.openedListLength(session.browser())).as(stage).isEqualTo(((Number) reached.get(stage)).longValue());
        }
        // in this order: the export links checked below are those of the last list opened, the lost customers
        // (Map.of would iterate in an order that changes from run to run)
        for (var card : List.of(Map.entry("cohort-customers", 4L), Map.entry("cohort-won", 1L), Map.entry("cohort-lost", 1L))) {
            assertThat(session.browser().findElement(By.id(card.getKey())).getText()).isEqualTo(card.getValue().toString());
            session.browser().findElement(By.id(card.getKey())).click();
            assertThat(Drilling.openedListLength(session.browser())).as(card.getKey()).isEqualTo(card.getValue());
        }
        assertThat(Drilling.exportHref(session.browser(), "csv")).contains("/api/v1/exports/drill/funnel?", "format=csv",
                "measure=current", "stage=LOST", "from=" + from);
        session.browser().findElement(By.cssSelector("#conversion-list li[data-to='QUALIFIED']")).click();
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(2);
        assertThat(session.pageState()).isEqualTo("ready");
        assertThat(conversions()).containsExactly(
                "LEAD>QUALIFIED 50%", "QUALIFIED>PROPOSAL 100%", "PROPOSAL>QUOTE 50%", "QUOTE>CONTRACT 100%",
                "CONTRACT>WON 100%");
        wait.until(d -> List.of("LEAD>LOST 1", "LEAD>PROPOSAL 1", "LEAD>QUALIFIED 1", "QUALIFIED>WON 1")
                .equals(transitionLinks()));
        wait.until(d -> Long.valueOf(1).equals(medianDays("QUALIFIED")));
        wait.until(d -> List.of("rep-f", "team-f", "4", "1", "25%").equals(repRow("rep-f")));
        session.browser().findElement(By.cssSelector("#rep-conversion-body tr[data-rep-id='rep-f'] td.drillable")).click();
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(4);
        // its with-sale cell: cust-fa alone
        session.browser().findElement(By.cssSelector("#rep-conversion-body tr[data-rep-id='rep-f'] td[data-figure='with-sale']"))
                .click();
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(1);
        // the win rate 1 of 2: its list is the denominator, cust-fa won and cust-fb lost, each with its outcome
        session.browser().findElement(By.id("win-rate")).click();
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(2);
        assertThat(Drilling.exportHref(session.browser(), "csv")).contains("/api/v1/exports/drill/funnel?", "measure=decided");
        // time in LEAD, the first bar: cust-fa moved on to QUALIFIED after 1 day, cust-fc to PROPOSAL after 2 (lower
        // median 1); cust-fb only to LOST and cust-fd not at all: 2 customers, as the bar counts them
        assertThat(Drilling.firstNonZero(session.browser(), "timeInStage", 0)).isZero();
        assertThat(((Number) script("return window.pulseCharts.timeInStage.getOption().series[0].data[0].customers;"))
                .longValue()).isEqualTo(2);
        clickBar("chart-time-in-stage", "timeInStage", 0);
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(2);
        assertThat(Drilling.exportHref(session.browser(), "xlsx")).contains("/api/v1/exports/drill/time-in-stage?", "stage=LEAD");
        // a transition: the Sankey's links are drawn as curves, so the list is opened as a click on LEAD>LOST does
        script("window.pulseCharts.transitions.trigger('click', {dataType: 'edge', data: {source: 'LEAD', target: 'LOST'}});");
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(1);

        // cycle and velocity (issue 15): cust-fa won 2 days after its first follow-up, cust-fb lost after 1;
        // velocity = 2 open x 50% x 1,000 average deal / 2 days = 500 a day
        wait.until(d -> List.of("WON|0|1", "LOST|0|1").equals(cycleBars()));
        assertThat(session.browser().findElement(By.id("velocity-open")).getText()).isEqualTo("2");
        assertThat(session.browser().findElement(By.id("velocity-cycle")).getText()).isEqualTo("2");
        assertThat(session.browser().findElement(By.id("velocity-per-day")).getText()).contains("500.00");
        session.browser().findElement(By.id("velocity-open")).click();
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(2);
        assertThat(Drilling.exportHref(session.browser(), "csv")).contains("/api/v1/exports/drill/funnel?", "measure=open");
        clickBar("chart-cycle", "cycle", 0);
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(1);
        assertThat(Drilling.exportHref(session.browser(), "csv")).contains("/api/v1/exports/cycle-length/customers?",
                "outcome=WON", "fromDays=0", "toDays=7");

        // the lost-reasons panel (issue 15): cust-fb's reason, typed with markup, is one bar drawn as text
        wait.until(d -> List.of("-|" + LOST_REASON + "|1").equals(lostBars()));
        clickBar("chart-lost-reasons", "lostReasons", 0);
        // its customer list is as long as the bar, and the markup stays text
        wait.until(d -> d.findElement(By.id("drill-rows")).getText().contains(LOST_REASON));
        assertThat(session.browser().findElement(By.id("drill-title")).getText()).contains(LOST_REASON);
        assertThat(session.browser().findElements(By.cssSelector("#drill-dialog img, #chart-lost-reasons img"))).isEmpty();
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(1);
        assertThat(Drilling.exportHref(session.browser(), "xlsx")).contains("/api/v1/exports/lost-reasons/customers?");
        // split by the stage lost from: kept in the URL and in the export links
        new Select(session.browser().findElement(By.id("lost-group-by"))).selectByValue("stage");
        wait.until(d -> List.of("LEAD|" + LOST_REASON + "|1").equals(lostBars()));
        assertThat(session.browser().getCurrentUrl()).contains("lostBy=stage");
        assertThat(exportHref("lost-export-csv")).contains("/api/v1/exports/lost-reasons?", "format=csv", "groupBy=stage",
                "from=" + from, "to=" + to);
        new Select(session.browser().findElement(By.id("lost-group-by"))).selectByValue("none");

        // the export links carry the cohort period and follow the group-by and team choices
        assertThat(exportHref("export-csv")).contains("/api/v1/exports/stage-conversion?", "format=csv",
                "from=" + from, "to=" + to, "groupBy=month");
        assertThat(exportHref("export-xlsx")).contains("format=xlsx", "from=" + from, "to=" + to, "groupBy=month");
        new Select(session.browser().findElement(By.id("export-group-by"))).selectByValue("rep");
        assertThat(exportHref("export-csv")).contains("groupBy=rep", "from=" + from, "to=" + to);
        wait.until(d -> !d.findElements(By.cssSelector("#filter-team option[value='team-f']")).isEmpty());
        new Select(session.browser().findElement(By.id("filter-team"))).selectByValue("team-f");
        assertThat(exportHref("export-xlsx")).contains("format=xlsx", "groupBy=rep", "teamId=team-f",
                "from=" + from, "to=" + to);
        wait.until(d -> "ready".equals(session.pageState())
                && Long.valueOf(4).equals(funnelReached().get("LEAD")));

        // the forecast page: cust-fc's 5,000 CNY at PROPOSAL, which 2 customers reached (cust-fa skipping it) and 1
        // of them was won: 5,000 x 50% = 2,500 in the month of its expected close
        session.browser().findElement(By.cssSelector("nav.page-nav a[href='forecast.html']")).click();
        wait.until(d -> List.of(YearMonth.from(closeDate) + "|2500").equals(forecastBars()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("probabilities-body"), "50%"));
        // the probability table's PROPOSAL row (LEAD, QUALIFIED, PROPOSAL, …): its 2 reached and 1 won open their customers
        List<org.openqa.selenium.WebElement> proposal = session.browser()
                .findElements(By.cssSelector("#probabilities-body tr")).get(2).findElements(By.cssSelector("td.drillable"));
        assertThat(proposal.get(0).getText()).isEqualTo("2");
        proposal.get(0).click();
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(2);
        session.browser().findElements(By.cssSelector("#probabilities-body tr")).get(2)
                .findElements(By.cssSelector("td.drillable")).get(1).click();
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(1);
        assertThat(Drilling.exportHref(session.browser(), "csv")).contains(
                "/api/v1/exports/forecast/stage-probabilities/customers?", "stage=PROPOSAL", "count=won");
        session.browser().findElement(By.cssSelector("#forecast-body button")).click();
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(1);
        assertThat(Drilling.exportHref(session.browser(), "csv")).contains("/api/v1/exports/forecast/customers?",
                "month=" + YearMonth.from(closeDate));
        // how that month's forecast moved: today's snapshot (taken now, as the daily job would) is its one point,
        // 2,500 weighted of 5,000 in the pipeline; nothing was won in that month yet
        assertThat(session.client().sendReport("POST", "/api/v1/admin/forecast-snapshots?day=" + today, null).status()).isEqualTo(200);
        String closeMonth = YearMonth.from(closeDate).toString();
        session.open("/forecast.html?from="
                + YearMonth.from(today) + "&to=" + closeMonth + "&history=" + closeMonth);
        wait.until(d -> List.of("weighted-CNY|" + today + "|2500", "pipeline-CNY|" + today + "|5000").equals(historyPoints()));
        assertThat(session.browser().findElement(By.id("history-won")).getText()).contains(closeMonth);

        assertThat(session.consoleErrors()).as("browser console errors").isEmpty();
    }

    /** A follow-up of rep-f in team-f at this stage; a LOST one carries the reason the API requires. */
    private static void post(String customerId, String phone, String stage, Instant occurredAt) {
        post(customerId, phone, stage, occurredAt, null);
    }

    /** ... expecting to close a deal of 5,000 CNY on {@code closeDate} when it is given. */
    private static void post(String customerId, String phone, String stage, Instant occurredAt, LocalDate closeDate) {
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(
                followUp(UUID.randomUUID(), customerId, "rep-f", "team-f", occurredAt.toString(), "PHONE"));
        json.put("phone", phone);
        json.put("stage", stage);
        json.put("content", "跟进 " + stage);
        if (stage.equals("LOST")) {
            json.put("lostReason", LOST_REASON);
        }
        if (closeDate != null) {
            json.put("expectedAmount", "5000").put("expectedCloseDate", closeDate.toString());
        }
        var response = session.client().post("/api/v1/followups", json.toString());
        assertThat(response.status()).as("%s", response.body()).isEqualTo(202);
    }

    private static Object script(String script, Object... args) {
        return ((JavascriptExecutor) session.browser()).executeScript(script, args);
    }

    /** Stage code -> reached, read from the ECharts funnel itself. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> funnelReached() {
        return (Map<String, Object>) script("""
                const chart = window.pulseCharts && window.pulseCharts.funnel;
                const series = chart ? chart.getOption().series[0] : null;
                return Object.fromEntries(((series && series.data) || []).map(d => [d.stage, d.value]));""");
    }

    /** "FROM>TO rate" per item of the conversion list, in page order. */
    @SuppressWarnings("unchecked")
    private static List<String> conversions() {
        return (List<String>) script("""
                return [...document.querySelectorAll('#conversion-list [data-from][data-to]')]
                    .map(li => li.dataset.from + '>' + li.dataset.to + ' '
                        + li.querySelector('.conversion-rate').textContent);""");
    }

    /** "FROM>TO count" per link of the Sankey, sorted. */
    @SuppressWarnings("unchecked")
    private static List<String> transitionLinks() {
        return (List<String>) script("""
                const chart = window.pulseCharts && window.pulseCharts.transitions;
                const series = chart ? chart.getOption().series[0] : null;
                return ((series && series.links) || []).map(l => l.source + '>' + l.target + ' ' + l.value).sort();""");
    }

    /** The time-in-stage bar of one stage, or null when it has none. */
    private static Object medianDays(String stage) {
        return script("""
                const chart = window.pulseCharts && window.pulseCharts.timeInStage;
                const series = chart ? chart.getOption().series[0] : null;
                const point = ((series && series.data) || []).find(d => d.stage === arguments[0]);
                return point ? point.value : null;""", stage);
    }

    /** Rep, team, customers, customers with a sale and conversion of one row of the rep table. */
    @SuppressWarnings("unchecked")
    private static List<String> repRow(String repId) {
        return (List<String>) script("""
                const row = [...document.querySelectorAll('#rep-conversion-table tbody tr[data-rep-id]')]
                    .find(tr => tr.dataset.repId === arguments[0]);
                if (!row) return null;
                const cells = [...row.cells].map(c => c.textContent);
                return [cells[0], cells[1], cells[2], cells[3], cells[5]];""", repId);
    }

    /** "group|reason|customers" per bar of the lost-reasons chart with customers, "-" for no group. */
    @SuppressWarnings("unchecked")
    private static List<String> lostBars() {
        return (List<String>) script("""
                const chart = window.pulseCharts && window.pulseCharts.lostReasons;
                const option = chart ? chart.getOption() : null;
                return ((option && option.series) || []).flatMap(s => (s.data || []).filter(d => d.value > 0)
                    .map(d => (d.group == null ? '-' : d.group) + '|' + s.name + '|' + d.value));""");
    }

    /** "outcome|bucket index|customers" per bar of the cycle chart with customers. */
    @SuppressWarnings("unchecked")
    private static List<String> cycleBars() {
        return (List<String>) script("""
                const chart = window.pulseCharts && window.pulseCharts.cycle;
                const option = chart ? chart.getOption() : null;
                return ((option && option.series) || []).flatMap(s => (s.data || [])
                    .map((d, i) => d.value > 0 ? s.id + '|' + i + '|' + d.value : null).filter(x => x));""");
    }

    /** "month|weighted" per bar of the forecast chart with a value. */
    private static List<String> forecastBars() {
        return chartPoints("forecast").stream().map(point -> point.substring(point.indexOf('|') + 1)).toList();
    }

    /** "series|day|value" per point of the forecast history chart with a value. */
    private static List<String> historyPoints() {
        return chartPoints("history");
    }

    /** "series id|category|value" per item above zero of a category chart, series by series. */
    @SuppressWarnings("unchecked")
    private static List<String> chartPoints(String chartName) {
        return (List<String>) script("""
                const chart = window.pulseCharts && window.pulseCharts[arguments[0]];
                const option = chart ? chart.getOption() : null;
                if (!option || !option.xAxis) return [];
                const categories = option.xAxis[0].data;
                return (option.series || []).flatMap(s => (s.data || [])
                    .map((d, i) => d.value > 0 ? s.id + '|' + categories[i] + '|' + d.value : null).filter(x => x));""",
                chartName);
    }

    /** Clicks the middle of the first bar of a series with a value, as a manager would. */
    private static void clickBar(String elementId, String chartName, int seriesIndex) {
        Drilling.clickPoint(session.browser(), elementId, chartName, seriesIndex, Drilling.firstNonZero(session.browser(), chartName, seriesIndex));
    }

    private static String exportHref(String id) {
        return session.browser().findElement(By.id(id)).getAttribute("href");
    }
}

package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.node.ObjectNode;

/**
 * The customers-to-call page in headless Chromium (Debian's chromium and chromium-driver), against
 * the whole stack with a 2 s stale check. Posted, relative to now (default thresholds: LEAD 14
 * days, QUOTE 3 days, WON never):
 * <pre>
 * cust-a1  rep-a LEAD  20 days 2 hours ago, named &lt;img src=x onerror=alert(1)&gt;  -> STALE
 * cust-a2  rep-a LEAD  20 days ago                                            -> STALE
 * cust-b1  rep-b QUOTE  5 days ago                                            -> STALE
 * cust-won rep-a WON   20 days ago                                            -> never stale
 * </pre>
 * Longest silence first is therefore a1, a2, b1. A new follow-up for cust-a2 resolves its alert
 * while the page stays open.
 */
class StalePageBrowserIT {

    private static final String A2_CONTENT = "电话沟通，客户说下月再联系";
    private static final String A2_NEW_CONTENT = "再次致电，约了下周演示";
    private static final String B1_CONTENT = "已发报价单";

    @RegisterExtension
    static final BrowserSession session = BrowserSession.signedInAsAdmin("stale-page", "it-admin");

    @Test
    void shouldListSortFilterAndDropTheCustomersToCallLiveAndRenderUserTextAsText() {
        // given: two silent leads of rep-a, a silent quote of rep-b, and a won customer nobody needs to call
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant twentyDaysAgo = now.minus(20, ChronoUnit.DAYS);
        post("cust-a1", Browser.HOSTILE_TEXT, "rep-a", "team-a", "LEAD", twentyDaysAgo.minus(2, ChronoUnit.HOURS), "初次电话沟通");
        post("cust-a2", "王女士", "rep-a", "team-a", "LEAD", twentyDaysAgo, A2_CONTENT);
        post("cust-b1", "北京星辰科技", "rep-b", "team-b", "QUOTE", now.minus(5, ChronoUnit.DAYS), B1_CONTENT);
        post("cust-won", "成交客户", "rep-a", "team-a", "WON", twentyDaysAgo, "签约完成");

        // when: the page is opened, it lists and charts the three stale customers, longest silence first
        session.open("/stale.html");
        var wait = session.waitUp();
        wait.until(d -> rows().size() == 3 && alertsCharted() == 3);
        ((JavascriptExecutor) session.browser()).executeScript("window.pulseNotReloaded = true;");
        assertThat(session.pageState()).isEqualTo("ready");
        assertThat(customerOrder()).containsExactly("cust-a1", "cust-a2", "cust-b1");
        assertThat(rowAttribute("data-kind")).containsOnly("STALE");
        assertThat(session.browser().findElement(By.id("stale-table")).getText()).contains(Browser.HOSTILE_TEXT).doesNotContain("成交客户");

        // sorting: a click on "days since" turns the default (longest first) around, a second click back
        sortBy("daysSince");
        wait.until(d -> "ascending".equals(heading("daysSince").getAttribute("aria-sort")));
        assertThat(customerOrder()).containsExactly("cust-b1", "cust-a2", "cust-a1");
        sortBy("daysSince");
        wait.until(d -> "descending".equals(heading("daysSince").getAttribute("aria-sort")));
        assertThat(customerOrder()).containsExactly("cust-a1", "cust-a2", "cust-b1");

        // filtering by rep-b (the shared filter bar, asked of the API) leaves its one customer, in the chart too
        wait.until(d -> !d.findElements(By.cssSelector("#filter-rep option[value='rep-b']")).isEmpty());
        new Select(session.browser().findElement(By.id("filter-rep"))).selectByValue("rep-b");
        wait.until(d -> rows().size() == 1 && alertsCharted() == 1);
        assertThat(customerOrder()).containsExactly("cust-b1");
        assertThat(session.browser().getCurrentUrl()).contains("rep=rep-b");
        new Select(session.browser().findElement(By.id("filter-rep"))).selectByValue("");
        wait.until(d -> rows().size() == 3 && alertsCharted() == 3);

        // a bar is one rep's open alerts of one kind: a click lists those, as many as the bar (rep-a's 2 stale)
        int stale = ((Number) ((JavascriptExecutor) session.browser()).executeScript(
                "return window.pulseCharts.byRep.getOption().series.findIndex(s => s.id === 'STALE');")).intValue();
        int repA = ((Number) ((JavascriptExecutor) session.browser()).executeScript(
                "return window.pulseCharts.byRep.getOption().xAxis[0].data.indexOf('rep-a');")).intValue();
        Drilling.clickPoint(session.browser(), "chart-by-rep", "byRep", stale, repA);
        wait.until(d -> rows().size() == 2);
        assertThat(customerOrder()).containsExactly("cust-a1", "cust-a2");
        assertThat(session.browser().getCurrentUrl()).contains("rep=rep-a", "kind=STALE");
        new Select(session.browser().findElement(By.id("filter-rep"))).selectByValue("");
        new Select(session.browser().findElement(By.id("filter-kind"))).selectByValue("");
        wait.until(d -> rows().size() == 3);

        // a customer's history opens inline with that customer's follow-up only
        wait.until(d -> {
            d.findElement(By.cssSelector("#stale-table tr[data-customer-id='cust-a2'] button[data-customer-id]")).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer-history"), A2_CONTENT));
        assertThat(session.browser().findElement(By.id("customer-history")).getText()).doesNotContain(B1_CONTENT);

        // then: a follow-up for cust-a2 resolves its alert; the page drops it without a reload
        post("cust-a2", "王女士", "rep-a", "team-a", "LEAD", Instant.now().truncatedTo(ChronoUnit.SECONDS), A2_NEW_CONTENT);
        wait.until(d -> rows().size() == 2 && alertsCharted() == 2);
        assertThat(customerOrder()).containsExactly("cust-a1", "cust-b1");
        wait.until(d -> !d.findElements(By.cssSelector("#resolved-list [data-customer-id='cust-a2']")).isEmpty());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer-history"), A2_NEW_CONTENT));
        assertThat(((JavascriptExecutor) session.browser()).executeScript("return window.pulseNotReloaded === true;")).isEqualTo(true);

        // the backtest panel starts from the rules in force and replays a proposed ladder over the last
        // 12 weeks: with LEAD escalating 1 day and releasing 2 days after that, cust-a1 (stale 6 days
        // 2 hours ago) and cust-a2 (stale 6 days ago, followed up only now) both climb to the pool;
        // cust-b1 (QUOTE, stale 2 days ago) only alerts: 3 alerts, 2 escalations, 2 releases
        wait.until(d -> d.findElement(By.id("backtest")).isDisplayed()
                && "14".equals(d.findElement(By.name("stale-LEAD")).getAttribute("value")));
        ((JavascriptExecutor) session.browser()).executeScript("""
                document.querySelectorAll('#backtest input[name^="escalate-"], #backtest input[name^="release-"]')
                    .forEach(input => { input.value = ''; });""");
        session.browser().findElement(By.name("escalate-LEAD")).sendKeys("1");
        session.browser().findElement(By.name("release-LEAD")).sendKeys("2");
        session.browser().findElement(By.id("backtest-run")).click();
        wait.until(d -> "ready".equals(d.findElement(By.id("backtest")).getAttribute("data-state")));
        assertThat(backtestCharted("alerts")).isEqualTo(3);
        assertThat(backtestCharted("escalations")).isEqualTo(2);
        assertThat(backtestCharted("releases")).isEqualTo(2);
        assertThat(session.browser().findElement(By.id("backtest-teams-body")).getText()).contains("team-a").contains("team-b");

        assertThat(session.consoleErrors()).as("browser console errors").isEmpty();
        assertThat(ExpectedConditions.alertIsPresent().apply(session.browser())).as("no script from user text ran").isNull();
    }

    /** The shared follow-up JSON with this customer's name, stage, time and content. */
    private static void post(String customerId, String customerName, String repId, String teamId, String stage,
                             Instant occurredAt, String content) {
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(
                followUp(UUID.randomUUID(), customerId, repId, teamId, occurredAt.toString(), "PHONE"));
        json.put("customerName", customerName);
        json.put("stage", stage);
        json.put("content", content);
        var response = session.client().post("/api/v1/followups", json.toString());
        assertThat(response.status()).as("%s", response.body()).isEqualTo(202);
    }

    private static List<WebElement> rows() {
        return session.browser().findElements(By.cssSelector("#stale-table tr[data-customer-id][data-kind]"));
    }

    private static List<String> customerOrder() {
        return rowAttribute("data-customer-id");
    }

    /** One attribute of every row, top to bottom, read in one script so a live redraw cannot split it. */
    @SuppressWarnings("unchecked")
    private static List<String> rowAttribute(String name) {
        return (List<String>) ((JavascriptExecutor) session.browser()).executeScript("""
                return [...document.querySelectorAll('#stale-table tr[data-customer-id][data-kind]')]
                    .map(row => row.getAttribute(arguments[0]));""", name);
    }

    private static WebElement heading(String column) {
        return session.browser().findElement(By.cssSelector("#stale-table th[data-sort='" + column + "']"));
    }

    private static void sortBy(String column) {
        heading(column).click();
    }

    /** Sum of one series of the backtest's weekly chart, read from ECharts itself. */
    private static long backtestCharted(String series) {
        Object total = ((JavascriptExecutor) session.browser()).executeScript("""
                const chart = window.pulseCharts && window.pulseCharts.backtest;
                if (!chart) return -1;
                const found = (chart.getOption().series || []).find(s => s.id === arguments[0]);
                return (found ? found.data : []).reduce((sum, value) => sum + (Number(value) || 0), 0);""", series);
        return ((Number) total).longValue();
    }

    /** Sum of the open-alerts-per-rep chart, read from ECharts itself. */
    private static long alertsCharted() {
        return Browser.sumSeries(session.browser(), "byRep");
    }
}

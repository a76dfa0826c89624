package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Json;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The duplicate flags page in headless Chromium (Debian's chromium and chromium-driver), against
 * the whole stack. Posted (all times UTC):
 * <pre>
 * cust-li   rep-amy 2026-11-10T01:00 phone "+86 138-0013-8000" name &lt;img src=x onerror=alert(1)&gt;
 * cust-li-2 rep-bob 2026-11-10T02:00 phone "13800138000"  -> DUPLICATE_CUSTOMER phone:13800138000
 * cust-wang rep-amy 2026-11-10T03:00, rep-bob 06:00 (3 hours apart, phone 13900139000) -> MULTI_REP cust-wang
 * </pre>
 * The page lists and charts those two open flags, shows a customer's follow-ups as text, and a
 * manager's dismissal through the form leaves only the DUPLICATE_CUSTOMER flag open.
 */
class DuplicatesPageBrowserIT {

    private static final String LI_CONTENT = "初次电话沟通，客户要报价";
    private static final String LI_2_CONTENT = "微信添加好友";

    @RegisterExtension
    static final BrowserSession session = BrowserSession.signedInAsAdmin("duplicates-page", "李经理");

    @Test
    void shouldListChartAndDismissTheFlagsAndRenderUserTextAsText() {
        // given: one person entered under two customerIds, and one customer followed up by two reps
        post("cust-li", Browser.HOSTILE_TEXT, "+86 138-0013-8000", "rep-amy", "2026-11-10T01:00:00Z", LI_CONTENT);
        post("cust-li-2", "李先生", "13800138000", "rep-bob", "2026-11-10T02:00:00Z", LI_2_CONTENT);
        post("cust-wang", "王女士", "13900139000", "rep-amy", "2026-11-10T03:00:00Z", "上门拜访");
        post("cust-wang", "王女士", "13900139000", "rep-bob", "2026-11-10T06:00:00Z", "电话回访");

        // when: the page is opened, it shows the two open flags
        session.open("/duplicates.html");
        var wait = session.waitUp();
        wait.until(d -> openFlagsCharted() == 2 && flagRows().size() == 2);
        assertThat(session.pageState()).isEqualTo("ready");
        assertThat(flagRows()).extracting(row -> row.getAttribute("data-type"))
                .containsExactlyInAnyOrder("DUPLICATE_CUSTOMER", "MULTI_REP");
        WebElement duplicateCustomer = flagRow("DUPLICATE_CUSTOMER");
        assertThat(duplicateCustomer.findElements(By.cssSelector("[data-customer-id]")))
                .extracting(button -> button.getAttribute("data-customer-id"))
                .containsExactlyInAnyOrder("cust-li", "cust-li-2");

        // a customer's history opens inline, with that customer's follow-up and a name shown as text
        duplicateCustomer.findElement(By.cssSelector("[data-customer-id='cust-li']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer-history"), LI_CONTENT));
        String history = session.browser().findElement(By.id("customer-history")).getText();
        assertThat(history).contains(Browser.HOSTILE_TEXT).doesNotContain(LI_2_CONTENT);

        // the signed-in manager dismisses the MULTI_REP flag through the form, which shows their name
        flagRow("MULTI_REP").findElement(By.cssSelector("[data-action='dismiss']")).click();
        WebElement by = session.browser().findElement(By.id("dismiss-by"));
        assertThat(by.getDomProperty("value")).isEqualTo("李经理");
        assertThat(by.getDomProperty("readOnly")).isEqualTo("true");
        session.browser().findElement(By.id("dismiss-reason")).sendKeys("两位销售已分工");
        session.browser().findElement(By.id("dismiss-submit")).click();

        // then: only the DUPLICATE_CUSTOMER flag is open, and the API kept who dismissed the other and why
        wait.until(d -> openFlagsCharted() == 1 && flagRows().size() == 1);
        assertThat(flagRows()).extracting(row -> row.getAttribute("data-type")).containsExactly("DUPLICATE_CUSTOMER");
        JsonNode dismissed = session.client().get("/api/v1/reports/duplicates?status=DISMISSED").get("rows");
        assertThat(dismissed).hasSize(1);
        assertThat(dismissed.get(0).get("type").asString()).isEqualTo("MULTI_REP");
        assertThat(dismissed.get(0).get("dismissedBy").asString()).isEqualTo("李经理");
        assertThat(dismissed.get(0).get("dismissedReason").asString()).isEqualTo("两位销售已分工");

        // a bar counts the open flags of its type: from the dismissed list, a click lists exactly those
        session.browser().findElement(By.id("status-dismissed")).click();
        wait.until(d -> flagRows().size() == 1 && "MULTI_REP".equals(flagRows().getFirst().getAttribute("data-type")));
        int duplicateCustomerBar = ((Number) ((JavascriptExecutor) session.browser()).executeScript(
                "return window.pulseCharts.byType.getOption().series[0].data.findIndex(d => d.value === 1);")).intValue();
        Drilling.clickPoint(session.browser(), "chart-by-type", "byType", 0, duplicateCustomerBar);
        wait.until(d -> d.getCurrentUrl().contains("status=OPEN") && d.getCurrentUrl().contains("type=DUPLICATE_CUSTOMER")
                && flagRows().size() == 1 && "DUPLICATE_CUSTOMER".equals(flagRows().getFirst().getAttribute("data-type")));

        assertThat(session.consoleErrors()).as("browser console errors").isEmpty();
        assertThat(ExpectedConditions.alertIsPresent().apply(session.browser())).as("no script from user text ran").isNull();
    }

    /** The shared follow-up JSON with this customer's name, phone and content. */
    private static void post(String customerId, String customerName, String phone, String repId, String occurredAt,
                             String content) {
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(
                followUp(UUID.randomUUID(), customerId, repId, occurredAt, phone, null, content));
        json.put("customerName", customerName);
        var response = session.client().post("/api/v1/followups", json.toString());
        assertThat(response.status()).as("%s", response.body()).isEqualTo(202);
    }

    private static List<WebElement> flagRows() {
        return session.browser().findElements(By.cssSelector("#flag-list [data-flag-id]"));
    }

    private static WebElement flagRow(String type) {
        return session.browser().findElement(By.cssSelector("#flag-list [data-flag-id][data-type='" + type + "']"));
    }

    /** Sum of the open-flags-per-type chart, read from ECharts itself. */
    private static long openFlagsCharted() {
        return Browser.sumSeries(session.browser(), "byType");
    }
}

package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.events.Json;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.Wait;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every dashboard page shares, in headless Chromium: the header drawn by js/header.js from its
 * one list of pages, the filter bar of js/filter-bar.js (a preset range and a team written to the
 * URL, and the same view with the same figures when that URL is opened again) and the "as of" label
 * of js/as-of.js on the cards and charts.
 */
class FilterBarBrowserIT {

    /** The pages in menu order, as the header must list them (goals.html included). */
    private static final List<String> NAV = List.of("./", "funnel.html", "stale.html", "pool.html", "duplicates.html",
            "forecast.html", "goals.html", "import.html", "routes.html");
    private static final List<String> NAV_LABELS = List.of("Overview", "Funnel", "Customers to call", "Pool",
            "Duplicate flags", "Forecast", "Goals", "Import", "Alert routes");
    /** The pages that draw projected figures, each with its cards or charts labelled "as of". */
    private static final List<String> FIGURE_PAGES = List.of("", "funnel.html", "stale.html", "pool.html",
            "duplicates.html", "forecast.html");

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** PROPOSAL climbs the ladder at once (3 s to the manager, 3 s more to the pool): the pool has customers. */
    @RegisterExtension
    static final BrowserSession session = BrowserSession.signedInAsAdmin("filter-bar", "it-admin",
            "--pulse.processor.ladder=PROPOSAL:PT3S/PT3S");

    private static PulseClient client;
    private static ChromeDriver browser;
    private static Instant posted;

    @BeforeAll
    static void seed() {
        client = session.client();
        browser = session.browser();
        // team-a: three customers (two from the expo, one from the web); team-b: two. An hour ago is inside
        // "last 7 days" and "last 30 days" in the company zone whatever the time of day.
        posted = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant anHourAgo = posted.truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        // Each team has one pair of customers sharing a phone (a duplicate flag per team), and one customer
        // expecting a deal this month (the forecast's).
        LocalDate inTenDays = LocalDate.now(SHANGHAI).plusDays(10);
        post("cust-a1", "rep-amy", "team-a", "expo", anHourAgo, "13900000001", "QUALIFIED", null);
        post("cust-a2", "rep-amy", "team-a", "expo", anHourAgo.plusSeconds(1), "13900000001", "QUALIFIED", null);
        post("cust-a3", "rep-ann", "team-a", "web", anHourAgo.plusSeconds(2), "13900000003", "QUALIFIED", inTenDays);
        post("cust-b1", "rep-bo", "team-b", "web", anHourAgo.plusSeconds(3), "13900000002", "QUALIFIED", inTenDays);
        post("cust-b2", "rep-bo", "team-b", "expo", anHourAgo.plusSeconds(4), "13900000002", "QUALIFIED", null);
        // 40 days ago (outside every range the tests above choose, and of other sources than expo): a QUALIFIED
        // customer per team goes stale (7 days), a PROPOSAL one per team goes to the pool
        Instant fortyDaysAgo = anHourAgo.minus(40, ChronoUnit.DAYS);
        post("cust-sa", "rep-amy", "team-a", "fair", fortyDaysAgo, "13900000011", "QUALIFIED", null);
        post("cust-sb", "rep-bo", "team-b", "web", fortyDaysAgo, "13900000012", "QUALIFIED", null);
        post("cust-pa", "rep-amy", "team-a", "fair", fortyDaysAgo, "13900000013", "PROPOSAL", null);
        post("cust-pb", "rep-bo", "team-b", "fair", fortyDaysAgo, "13900000014", "PROPOSAL", null);
        // a goal for a rep of each team this week
        await().atMost(Duration.ofSeconds(60)).until(() -> client.get("/api/v1/teams").toString().contains("rep-bo"));
        LocalDate monday = LocalDate.now(SHANGHAI).with(DayOfWeek.MONDAY);
        for (String[] goal : List.of(new String[] {"rep-amy", "team-a"}, new String[] {"rep-bo", "team-b"})) {
            assertThat(client.sendReport("POST", "/api/v1/goals", """
                    {"scope":"REP","repId":"%s","teamId":"%s","metric":"FOLLOW_UPS_PER_WEEK","periodStart":"%s","target":"10"}"""
                    .formatted(goal[0], goal[1], monday)).status()).isEqualTo(201);
        }
    }

    @Test
    void shouldDrawTheSameHeaderFromTheSharedScriptOnEveryPage() {
        for (String page : List.of("", "index.html", "funnel.html", "stale.html", "pool.html", "duplicates.html",
                "forecast.html", "import.html", "routes.html")) {
            open(page);
            Wait<WebDriver> wait = waitUp();
            wait.until(d -> !d.findElements(By.cssSelector("#lang-switch button")).isEmpty());
            assertThat(browser.findElement(By.cssSelector("header.topbar")).getDomAttribute("data-rendered"))
                    .as(page).isEqualTo("shared");
            List<WebElement> links = browser.findElements(By.cssSelector("header.topbar nav.page-nav a"));
            assertThat(links).extracting(a -> a.getDomAttribute("href")).as(page).isEqualTo(NAV);
            assertThat(links).extracting(WebElement::getText).as(page).isEqualTo(NAV_LABELS);
            String current = page.isEmpty() ? "index.html" : page;
            assertThat(browser.findElements(By.cssSelector("nav.page-nav a[aria-current='page']")))
                    .extracting(a -> a.getDomAttribute("data-page")).as(page).containsExactly(current);
            // the signed-in user and the sign-out button, and one live indicator unless the page has no feed
            wait.until(d -> "it-admin".equals(d.findElement(By.id("user-name")).getText()));
            assertThat(browser.findElement(By.id("sign-out")).getText()).isEqualTo("Sign out");
            assertThat(browser.findElements(By.id("live-indicator"))).as(page).hasSize(page.equals("import.html") ? 0 : 1);
        }

        // the labels follow the language like every other text, and go back
        open("");
        browser.findElement(By.id("lang-zh")).click();
        assertThat(browser.findElement(By.cssSelector("nav.page-nav a[data-page='goals.html']")).getText()).isEqualTo("目标");
        waitUp().until(d -> d.findElement(By.cssSelector(".cards .card time.as-of")).getText().startsWith("数据截至 "));
        browser.findElement(By.id("lang-en")).click();
        assertThat(browser.findElement(By.cssSelector("nav.page-nav a[data-page='goals.html']")).getText()).isEqualTo("Goals");
        assertNoConsoleErrors();
    }

    @Test
    void shouldKeepAPresetRangeAndATeamInTheUrlAndShowTheSameFiguresWhenItIsOpenedAgain() {
        // given the overview: every team's five follow-ups over the last 7 days
        Wait<WebDriver> wait = overviewOfTheLast7Days();

        // when a preset and a team are chosen
        choose("range", "last_30_days");
        awaitOption(wait, "team", "team-a");
        choose("team", "team-a");

        // then the URL names them, and the figures are team-a's: three follow-ups, in the cards too
        wait.until(d -> sumSeries("byRep") == 3);
        wait.until(d -> "3".equals(d.findElement(By.id("total-followups")).getText()));
        String url = browser.getCurrentUrl();
        assertThat(url).contains("range=last_30_days", "team=team-a").doesNotContain("from=");

        // and opening that URL again restores the same filters and the same figures
        reopen(url, wait);
        wait.until(d -> sumSeries("byRep") == 3);
        assertThat(selected("range")).isEqualTo("last_30_days");
        assertThat(selected("team")).isEqualTo("team-a");
        assertThat(browser.findElement(By.id("total-followups")).getText()).isEqualTo("3");
        // the preset's days are shown, 30 of them ending today
        String from = browser.findElement(By.id("filter-from")).getDomProperty("value");
        String to = browser.findElement(By.id("filter-to")).getDomProperty("value");
        assertThat(java.time.LocalDate.parse(from).plusDays(29)).isEqualTo(java.time.LocalDate.parse(to));

        // the funnel: a preset, a team and a source, the cohort being team-a's two expo customers
        open("funnel.html?range=last_30_days");
        wait.until(d -> "5".equals(d.findElement(By.id("cohort-customers")).getText()));
        wait.until(d -> !d.findElements(By.cssSelector("#filter-source option[value='expo']")).isEmpty()
                && !d.findElements(By.cssSelector("#filter-team option[value='team-a']")).isEmpty());
        choose("range", "this_quarter");
        choose("team", "team-a");
        choose("source", "expo");
        wait.until(d -> "2".equals(d.findElement(By.id("cohort-customers")).getText()));
        String funnelUrl = browser.getCurrentUrl();
        assertThat(funnelUrl).contains("range=this_quarter", "team=team-a", "source=expo");
        reopen(funnelUrl, wait);
        wait.until(d -> "2".equals(d.findElement(By.id("cohort-customers")).getText()));
        assertThat(selected("source")).isEqualTo("expo");
        assertThat(browser.findElement(By.id("export-csv")).getDomAttribute("href"))
                .contains("teamId=team-a", "source=expo", "from=" + browser.findElement(By.id("filter-from")).getDomProperty("value"));
        assertNoConsoleErrors();
    }

    @Test
    void shouldCutTheOverviewBySourceAndListAsManyFollowUpsAsItsCardsCount() {
        // given the overview of the last 7 days: five follow-ups, three of them of expo customers (a1, a2, b2)
        Wait<WebDriver> wait = overviewOfTheLast7Days();
        awaitOption(wait, "source", "expo");

        // when the source is chosen
        choose("source", "expo");

        // then every figure is expo's: 3 follow-ups by 2 reps of 2 teams, in the chart and the cards
        wait.until(d -> sumSeries("byRep") == 3 && "3".equals(d.findElement(By.id("total-followups")).getText()));
        assertThat(browser.findElement(By.id("total-reps")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("total-teams")).getText()).isEqualTo("2");
        assertThat(browser.getCurrentUrl()).contains("source=expo");
        // and each card's list is as long as the card, cut by the same source
        browser.findElement(By.id("total-followups")).click();
        assertThat(Drilling.openedListLength(browser)).isEqualTo(3);
        assertThat(Drilling.exportHref(browser, "csv")).contains("/api/v1/exports/drill/follow-ups?", "source=expo");
        browser.findElement(By.id("total-customer-touches")).click();
        assertThat(Drilling.openedListLength(browser)).isEqualTo(3);
        // the flag card follows the filters too: each team's phone pair has an expo customer, so both flags count,
        // and its figure opens them (the card's link is the page's; its number is the list's)
        wait.until(d -> "2".equals(d.findElement(By.id("total-duplicates")).getText()));
        browser.findElement(By.id("total-duplicates")).click();
        assertThat(Drilling.openedListLength(browser)).isEqualTo(2);
        assertThat(Drilling.exportHref(browser, "xlsx")).contains("/api/v1/exports/duplicates?", "source=expo");
        assertNoConsoleErrors();
    }

    /** A report page, the fields its bar shows, and the figure it draws, as JavaScript returning a number. */
    private record ReportPage(String page, List<String> fields, String figure) {
    }

    /** In a fixed order (never a Map.of's): each page's figure is 2 for both teams and 1 for team-a or team-b. */
    private static final List<ReportPage> REPORT_PAGES = List.of(
            new ReportPage("stale.html", List.of("team", "rep", "source"),
                    "return document.querySelectorAll('#stale-table tr[data-customer-id][data-kind]').length;"),
            new ReportPage("pool.html", List.of("team", "rep", "source"), "return " + series("byTeam") + ";"),
            new ReportPage("duplicates.html", List.of("team", "rep", "source"), "return " + series("byType") + ";"),
            new ReportPage("forecast.html", List.of("team", "rep", "source"),
                    "const b = document.querySelector('#forecast-body button'); return b ? Number(b.textContent) : 0;"),
            new ReportPage("goals.html", List.of("team", "rep"),
                    "return (window.pulseCharts.attainment.getOption().series[0] || {data: []}).data.length;"));

    @Test
    void shouldNarrowEveryReportPageWithTheBarAndReopenTheSameViewFromItsUrl() {
        Wait<WebDriver> wait = waitUp();
        for (ReportPage report : REPORT_PAGES) {
            // given the page with every team: the bar's fields first, no range where the report has no period
            open(report.page());
            awaitReady(wait);
            for (String field : List.of("range", "team", "rep", "source")) {
                assertThat(browser.findElements(By.cssSelector("#filter-bar #filter-" + field))).as(report.page() + " " + field)
                        .hasSize(report.fields().contains(field) ? 1 : 0);
            }
            assertThat(browser.findElement(By.cssSelector("#filter-bar > label select")).getDomAttribute("id"))
                    .as(report.page()).isEqualTo("filter-team");
            wait.until(d -> figure(report) == 2);

            // when one team is chosen
            String team = report.page().equals("goals.html") ? "team-b" : "team-a";
            awaitOption(wait, "team", team);
            choose("team", team);

            // then the figure is that team's, and the URL names the team
            wait.until(d -> figure(report) == 1);
            String url = browser.getCurrentUrl();
            assertThat(url).as(report.page()).contains("team=" + team).doesNotContain("range=");

            // and the same URL opened again shows the same view
            reopen(url, wait);
            wait.until(d -> figure(report) == 1);
            assertThat(selected("team")).as(report.page()).isEqualTo(team);
        }
        // the pool's export carries the bar's filters
        open("pool.html?team=team-b&source=fair");
        awaitReady(wait);
        wait.until(d -> figure(REPORT_PAGES.get(1)) == 1);
        assertThat(browser.findElement(By.id("export-csv")).getDomAttribute("href")).contains("teamId=team-b", "source=fair");
        // the source on a list kept per customer: of the two stale customers, cust-sb's first source is web
        open("stale.html?source=web");
        awaitReady(wait);
        wait.until(d -> figure(REPORT_PAGES.get(0)) == 1);
        assertThat(browser.findElement(By.cssSelector("#stale-table tr[data-customer-id]")).getDomAttribute("data-customer-id"))
                .isEqualTo("cust-sb");
        assertNoConsoleErrors();
    }

    @Test
    void shouldLabelEveryCardAndChartWithTheTimeOfTheNewestDataProjected() {
        for (String page : FIGURE_PAGES) {
            open(page);
            var wait = waitUp();
            awaitReady(wait);
            wait.until(d -> !d.findElements(By.cssSelector("time.as-of[datetime]")).isEmpty());
            List<WebElement> labels = browser.findElements(By.cssSelector("time.as-of"));
            int targets = browser.findElements(By.cssSelector(".cards .card, .panel > header")).size();
            assertThat(labels).as(page).hasSize(targets);
            for (WebElement label : labels) {
                // (textContent: some panels are hidden until used, and a hidden element has no visible text)
                assertThat(label.getDomProperty("textContent")).as(page).matches("as of \\d{2}:\\d{2}:\\d{2}");
                // the newest follow-up projected was accepted after this test class posted it, and not in the future
                Instant asOf = Instant.parse(label.getDomAttribute("datetime"));
                assertThat(asOf).as(page).isBetween(posted, Instant.now());
            }
        }
    }

    /** The overview of the last 7 days once it has drawn every team's five follow-ups; the wait for what follows. */
    private static Wait<WebDriver> overviewOfTheLast7Days() {
        open("?range=last_7_days");
        Wait<WebDriver> wait = waitUp();
        wait.until(d -> sumSeries("byRep") == 5);
        return wait;
    }

    private static void open(String page) {
        session.open("/" + page);
    }

    private static Wait<WebDriver> waitUp() {
        return session.waitUp();
    }

    /** Opens the URL again from a blank page, as a bookmark would, and waits until the page is drawn. */
    private static void reopen(String url, Wait<WebDriver> wait) {
        browser.get("about:blank");
        browser.get(url);
        awaitReady(wait);
    }

    private static void awaitReady(Wait<WebDriver> wait) {
        wait.until(d -> "ready".equals(session.pageState()));
    }

    /** Chooses {@code value} in one of the filter bar's selects, as {@code team} for {@code #filter-team}. */
    private static void choose(String field, String value) {
        new Select(browser.findElement(By.id("filter-" + field))).selectByValue(value);
    }

    /** Waits until the bar offers {@code value} in {@code field}: its choices come from the API after the page draws. */
    private static void awaitOption(Wait<WebDriver> wait, String field, String value) {
        wait.until(d -> !d.findElements(By.cssSelector("#filter-" + field + " option[value='" + value + "']")).isEmpty());
    }

    /** The value chosen in one of the filter bar's selects, as {@code team} for {@code #filter-team}. */
    private static String selected(String field) {
        return new Select(browser.findElement(By.id("filter-" + field))).getFirstSelectedOption().getDomAttribute("value");
    }

    private static long figure(ReportPage report) {
        Object value = browser.executeScript(report.figure());
        return value == null ? -1 : ((Number) value).longValue();
    }

    private static String series(String chart) {
        return "(window.pulseCharts." + chart + ".getOption().series || []).flatMap((s) => s.data || [])"
                + ".reduce((sum, p) => sum + (Number(p && p.value !== undefined ? p.value : p) || 0), 0)";
    }

    private static void post(String customerId, String repId, String teamId, String source, Instant at, String phone,
                             String stage, LocalDate closeDate) {
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(followUp(UUID.randomUUID(), customerId, repId, teamId,
                at.toString(), "PHONE"));
        json.put("source", source);
        json.put("phone", phone);
        json.put("stage", stage);
        if (closeDate != null) {
            json.put("expectedAmount", "1000");
            json.put("expectedCloseDate", closeDate.toString());
        }
        var response = client.post("/api/v1/followups", json.toString());
        assertThat(response.status()).as("%s", response.body()).isEqualTo(202);
    }

    private static void assertNoConsoleErrors() {
        assertThat(session.consoleErrors()).as("browser console errors").isEmpty();
    }

    private static long sumSeries(String chart) {
        return Browser.sumSeries(browser, chart);
    }
}

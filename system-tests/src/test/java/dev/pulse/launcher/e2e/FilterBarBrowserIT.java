package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every dashboard page shares, in headless Chromium: the header drawn by js/header.js from its
 * one list of pages, the filter bar of js/filter-bar.js (a preset range and a team written to the
 * URL, and the same view with the same figures when that URL is opened again) and the "as of" label
 * of js/as-of.js on the cards and charts.
 */
class FilterBarBrowserIT {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.signedInAsAdmin("filter-bar", "it-admin");

    /** The pages in menu order, as the header must list them (goals.html included). */
    private static final List<String> NAV = List.of("./", "funnel.html", "stale.html", "pool.html", "duplicates.html",
            "forecast.html", "goals.html", "import.html", "routes.html");
    private static final List<String> NAV_LABELS = List.of("Overview", "Funnel", "Customers to call", "Pool",
            "Duplicate flags", "Forecast", "Goals", "Import", "Alert routes");
    /** The pages that draw projected figures, each with its cards or charts labelled "as of". */
    private static final List<String> FIGURE_PAGES = List.of("", "funnel.html", "stale.html", "pool.html",
            "duplicates.html", "forecast.html");

    private static Instant posted;

    @BeforeAll
    static void seed() {
        // team-a: three customers (two from the expo, one from the web); team-b: two. An hour ago is inside
        // "last 7 days" and "last 30 days" in the company zone whatever the time of day.
        posted = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant anHourAgo = posted.truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        post("cust-a1", "rep-amy", "team-a", "expo", anHourAgo);
        post("cust-a2", "rep-amy", "team-a", "expo", anHourAgo.plusSeconds(1));
        post("cust-a3", "rep-ann", "team-a", "web", anHourAgo.plusSeconds(2));
        post("cust-b1", "rep-bo", "team-b", "web", anHourAgo.plusSeconds(3));
        post("cust-b2", "rep-bo", "team-b", "expo", anHourAgo.plusSeconds(4));
    }

    @Test
    void shouldDrawTheSameHeaderFromTheSharedScriptOnEveryPage() {
        for (String page : List.of("", "index.html", "funnel.html", "stale.html", "pool.html", "duplicates.html",
                "forecast.html", "import.html", "routes.html")) {
            open(page);
            WebDriverWait wait = waitUp();
            wait.until(d -> !d.findElements(By.cssSelector("#lang-switch button")).isEmpty());
            assertThat(session.browser().findElement(By.cssSelector("header.topbar")).getDomAttribute("data-rendered"))
                    .as(page).isEqualTo("shared");
            List<WebElement> links = session.browser().findElements(By.cssSelector("header.topbar nav.page-nav a"));
            assertThat(links).extracting(a -> a.getDomAttribute("href")).as(page).isEqualTo(NAV);
            assertThat(links).extracting(WebElement::getText).as(page).isEqualTo(NAV_LABELS);
            String current = page.isEmpty() ? "index.html" : page;
            assertThat(session.browser().findElements(By.cssSelector("nav.page-nav a[aria-current='page']")))
                    .extracting(a -> a.getDomAttribute("data-page")).as(page).containsExactly(current);
            // the signed-in user and the sign-out button, and one live indicator unless the page has no feed
            wait.until(d -> "it-admin".equals(d.findElement(By.id("user-name")).getText()));
            assertThat(session.browser().findElement(By.id("sign-out")).getText()).isEqualTo("Sign out");
            assertThat(session.browser().findElements(By.id("live-indicator"))).as(page).hasSize(page.equals("import.html") ? 0 : 1);
        }

        // the labels follow the language like every other text, and go back
        open("");
        session.browser().findElement(By.id("lang-zh")).click();
        assertThat(session.browser().findElement(By.cssSelector("nav.page-nav a[data-page='goals.html']")).getText()).isEqualTo("目标");
        waitUp().until(d -> d.findElement(By.cssSelector(".cards .card time.as-of")).getText().startsWith("数据截至 "));
        session.browser().findElement(By.id("lang-en")).click();
        assertThat(session.browser().findElement(By.cssSelector("nav.page-nav a[data-page='goals.html']")).getText()).isEqualTo("Goals");
        assertNoConsoleErrors();
    }

    @Test
    void shouldKeepAPresetRangeAndATeamInTheUrlAndShowTheSameFiguresWhenItIsOpenedAgain() {
        // given the overview: every team's five follow-ups over the last 7 days
        open("?range=last_7_days");
        WebDriverWait wait = waitUp();
        wait.until(d -> sumSeries("byRep") == 5);

        // when a preset and a team are chosen
        new Select(session.browser().findElement(By.id("filter-range"))).selectByValue("last_30_days");
        wait.until(d -> !d.findElements(By.cssSelector("#filter-team option[value='team-a']")).isEmpty());
        new Select(session.browser().findElement(By.id("filter-team"))).selectByValue("team-a");

        // then the URL names them, and the figures are team-a's: three follow-ups, in the cards too
        wait.until(d -> sumSeries("byRep") == 3);
        wait.until(d -> "3".equals(d.findElement(By.id("total-followups")).getText()));
        String url = session.browser().getCurrentUrl();
        assertThat(url).contains("range=last_30_days", "team=team-a").doesNotContain("from=");

        // and opening that URL again restores the same filters and the same figures
        session.browser().get("about:blank");
        session.browser().get(url);
        wait.until(d -> "ready".equals(d.findElement(By.tagName("body")).getDomAttribute("data-state")));
        wait.until(d -> sumSeries("byRep") == 3);
        assertThat(new Select(session.browser().findElement(By.id("filter-range"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("last_30_days");
        assertThat(new Select(session.browser().findElement(By.id("filter-team"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("team-a");
        assertThat(session.browser().findElement(By.id("total-followups")).getText()).isEqualTo("3");
        // the preset's days are shown, 30 of them ending today
        String from = session.browser().findElement(By.id("filter-from")).getDomProperty("value");
        String to = session.browser().findElement(By.id("filter-to")).getDomProperty("value");
        assertThat(java.time.LocalDate.parse(from).plusDays(29)).isEqualTo(java.time.LocalDate.parse(to));

        // the funnel: a preset, a team and a source, the cohort being team-a's two expo customers
        open("funnel.html?range=last_30_days");
        wait.until(d -> "5".equals(d.findElement(By.id("cohort-customers")).getText()));
        wait.until(d -> !d.findElements(By.cssSelector("#filter-source option[value='expo']")).isEmpty()
                && !d.findElements(By.cssSelector("#filter-team option[value='team-a']")).isEmpty());
        new Select(session.browser().findElement(By.id("filter-range"))).selectByValue("this_quarter");
        new Select(session.browser().findElement(By.id("filter-team"))).selectByValue("team-a");
        new Select(session.browser().findElement(By.id("filter-source"))).selectByValue("expo");
        wait.until(d -> "2".equals(d.findElement(By.id("cohort-customers")).getText()));
        String funnelUrl = session.browser().getCurrentUrl();
        assertThat(funnelUrl).contains("range=this_quarter", "team=team-a", "source=expo");
        session.browser().get("about:blank");
        session.browser().get(funnelUrl);
        wait.until(d -> "ready".equals(d.findElement(By.tagName("body")).getDomAttribute("data-state")));
        wait.until(d -> "2".equals(d.findElement(By.id("cohort-customers")).getText()));
        assertThat(new Select(session.browser().findElement(By.id("filter-source"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("expo");
        assertThat(session.browser().findElement(By.id("export-csv")).getDomAttribute("href"))
                .contains("teamId=team-a", "source=expo", "from=" + session.browser().findElement(By.id("filter-from")).getDomProperty("value"));
        assertNoConsoleErrors();
    }

    @Test
    void shouldLabelEveryCardAndChartWithTheTimeOfTheNewestDataProjected() {
        for (String page : FIGURE_PAGES) {
            open(page);
            var wait = waitUp().ignoring(StaleElementReferenceException.class);
            wait.until(d -> "ready".equals(d.findElement(By.tagName("body")).getDomAttribute("data-state")));
            wait.until(d -> !d.findElements(By.cssSelector("time.as-of[datetime]")).isEmpty());
            List<WebElement> labels = session.browser().findElements(By.cssSelector("time.as-of"));
            int targets = session.browser().findElements(By.cssSelector(".cards .card, .panel > header")).size();
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

    private static void open(String page) {
        session.browser().get("http://localhost:" + session.stack().reportPort() + "/" + page);
    }

    private static WebDriverWait waitUp() {
        return new WebDriverWait(session.browser(), Duration.ofSeconds(60));
    }

    private static void post(String customerId, String repId, String teamId, String source, Instant at) {
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(followUp(UUID.randomUUID(), customerId, repId, teamId,
                at.toString(), "PHONE"));
        json.put("source", source);
        var response = session.client().post("/api/v1/followups", json.toString());
        assertThat(response.status()).as("%s", response.body()).isEqualTo(202);
    }

    private static void assertNoConsoleErrors() {
        assertThat(session.browser().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList()).as("browser console errors").isEmpty();
    }

    private static long sumSeries(String chart) {
        return Browser.sumSeries(session.browser(), chart);
    }
}

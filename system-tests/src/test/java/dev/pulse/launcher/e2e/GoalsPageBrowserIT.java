package dev.pulse.launcher.e2e;

import static dev.pulse.launcher.e2e.FollowUps.followUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The goals page in headless Chromium, against the whole stack: two reps of team-a followed up this
 * week (rep-a twice, rep-b once) against weekly goals of 2 and 50, so attainment is 2 / 2 = 100 %
 * and 1 / 50 = 2 %; the attainment chart draws both bars with the pace marker at the share of the
 * week elapsed (worked out here from the wall clock), the leaderboard ranks rep-a before rep-b, and
 * the editor shows the API's refusal as text and adds a team goal.
 */
class GoalsPageBrowserIT {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.signedInAsAdmin("goals-page", "goals-admin");

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static LocalDate monday;

    @BeforeAll
    static void seed() {
        // a minute ago is this week unless the test starts in the first minute of a Monday
        String now = Instant.now().minusSeconds(60).toString();
        monday = LocalDate.now(SHANGHAI).with(DayOfWeek.MONDAY);
        for (String[] f : List.of(new String[] {"g-1", "rep-a"}, new String[] {"g-2", "rep-a"}, new String[] {"g-3", "rep-b"})) {
            assertThat(session.client().post("/api/v1/followups", followUp(UUID.randomUUID(), f[0], f[1], "team-a", now, "PHONE"))
                    .status()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> session.client().get("/api/v1/teams").toString().contains("rep-b"));
        for (String[] goal : List.of(new String[] {"rep-a", "2"}, new String[] {"rep-b", "50"})) {
            assertThat(session.client().sendReport("POST", "/api/v1/goals", """
                    {"scope":"REP","repId":"%s","teamId":"team-a","metric":"FOLLOW_UPS_PER_WEEK","periodStart":"%s","target":"%s"}"""
                    .formatted(goal[0], monday, goal[1])).status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> session.client().get("/api/v1/reports/goals/attainment").toString()
                .contains("\"actual\":2"));
    }

    @Test
    void shouldDrawAttainmentWithThePaceMarkerAndTheLeaderboardAndSetAGoalThroughTheEditor() {
        // when the page opens on team-a
        session.browser().get("http://localhost:" + session.stack().reportPort() + "/goals.html?team=team-a");
        var wait = new WebDriverWait(session.browser(), Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class);
        wait.until(d -> "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-state"))
                && seriesValues("attainment", 0).size() == 2);

        // then the bars are the attainments worked out above, the marker the share of the week elapsed
        double elapsed = Duration.between(monday.atStartOfDay(SHANGHAI).toInstant(), Instant.now()).toMillis()
                / (double) Duration.ofDays(7).toMillis();
        assertThat(seriesValues("attainment", 0)).containsExactly(1.0, 0.02);
        assertThat(seriesValues("attainment", 1)).allSatisfy(marker -> assertThat(marker).isCloseTo(elapsed, within(0.01)));
        assertThat(seriesValues("leaderboard", 0)).containsExactly(1.0, 0.02);
        assertThat(session.browser().findElement(By.id("leaderboard-body")).getText()).startsWith("1 rep-a");
        assertThat(session.browser().findElement(By.id("goal-editor")).isDisplayed()).isTrue();

        // every number traceable: rep-a's bar opens its 2 follow-ups of the week, rep-b's actual in the table its 1
        Drilling.clickPoint(session.browser(), "chart-attainment", "attainment", 0, 0);
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(2);
        assertThat(Drilling.exportHref(session.browser(), "csv")).contains("/api/v1/exports/drill/follow-ups?", "repId=rep-a",
                "from=" + monday, "to=" + monday.plusDays(6));
        session.browser().findElements(By.cssSelector("#goals-body button.goal-actual")).get(1).click();
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(1);
        Drilling.clickPoint(session.browser(), "chart-leaderboard", "leaderboard", 0, 1);
        assertThat(Drilling.openedListLength(session.browser())).isEqualTo(1);

        // a goal the API refuses shows its reason as text, and adds nothing
        session.browser().findElement(By.id("goal-rep")).sendKeys("rep-a");
        session.browser().findElement(By.id("goal-team")).sendKeys("team-a");
        ((JavascriptExecutor) session.browser()).executeScript("document.getElementById('goal-period').value = arguments[0]",
                monday.toString());
        session.browser().findElement(By.id("goal-target")).sendKeys("<img src=x onerror=alert(1)>");
        session.browser().findElement(By.cssSelector("#goal-form button[type=submit]")).click();
        wait.until(d -> d.findElement(By.id("goal-form-error")).isDisplayed());
        assertThat(session.browser().findElement(By.id("goal-form-error")).getText()).contains("target");
        assertThat(session.browser().findElements(By.cssSelector("#goal-form-error img"))).isEmpty();

        // a team goal for this week is added and drawn
        new org.openqa.selenium.support.ui.Select(session.browser().findElement(By.id("goal-scope"))).selectByValue("TEAM");
        session.browser().findElement(By.id("goal-target")).clear();
        session.browser().findElement(By.id("goal-target")).sendKeys("30");
        session.browser().findElement(By.cssSelector("#goal-form button[type=submit]")).click();
        wait.until(d -> seriesValues("attainment", 0).size() == 3);
        // the team's 3 follow-ups of 30: 10 %
        assertThat(seriesValues("attainment", 0)).contains(0.1);
        assertThat(session.client().get("/api/v1/goals").get("rows")).hasSize(3);
        assertThat(session.browser().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(entry -> !entry.getMessage().contains("400"))
                .toList()).as("browser console errors other than the refused request").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Double> seriesValues(String chart, int series) {
        Object values = ((JavascriptExecutor) session.browser()).executeScript("""
                const chart = window.pulseCharts && window.pulseCharts[arguments[0]];
                const all = chart ? chart.getOption().series || [] : [];
                const one = all[arguments[1]];
                if (!one) return [];
                return (one.data || []).map((point) => Number(point && point.value !== undefined ? point.value : point));""",
                chart, series);
        return ((List<Object>) values).stream().map(value -> ((Number) value).doubleValue()).toList();
    }
}

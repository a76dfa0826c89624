package dev.pulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The alert routes page in headless Chromium, against the whole stack: it lists the routes and
 * @mention contacts an admin set up through the API, adds a route through its form (a refusal of
 * the API is shown as worded), removes one, and never shows a secret.
 */
class RoutesPageBrowserIT {

    private static final String WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0123456789abcdef";
    private static final String DINGTALK = "https://oapi.dingtalk.com/robot/send?access_token=feedface";
    private static final String SECRET = "SECtopsecret42";

    @RegisterExtension
    static final BrowserSession session = BrowserSession.signedInAsAdmin("routes-page", "routes-admin");

    @Test
    void shouldListAddAndRemoveRoutesAndShowContactsWithoutEverShowingASecret() {
        // given: a route of rep-a and rep-a's mobile, set up through the API
        assertThat(session.client().sendReport("POST", "/api/v1/admin/alert-routes",
                "{\"scope\":\"REP\",\"scopeId\":\"rep-a\",\"format\":\"wecom\",\"url\":\"" + WECOM + "\"}").status())
                .isEqualTo(201);
        assertThat(session.client().sendReport("PUT", "/api/v1/admin/alert-contacts/rep-a", "{\"mobile\":\"13800000000\"}").status())
                .isEqualTo(204);

        // when: the page opens, both tables are drawn with them, the robot's key masked
        session.open("/routes.html");
        var wait = session.waitUp();
        wait.until(d -> routeRows().size() == 1 && contactRows() == 1);
        assertThat(session.pageState()).isEqualTo("ready");
        String routes = session.browser().findElement(By.id("routes-table")).getText();
        assertThat(routes).contains("rep-a").doesNotContain("0123456789abcdef");
        assertThat(session.browser().findElement(By.id("contacts-table")).getText()).contains("rep-a").contains("13800000000");

        // a route the API refuses shows its reason, and adds nothing
        new Select(session.browser().findElement(By.id("route-scope"))).selectByValue("TEAM");
        session.browser().findElement(By.id("route-scope-id")).sendKeys("team a!");
        session.browser().findElement(By.id("route-url")).sendKeys(DINGTALK);
        session.browser().findElement(By.cssSelector("#route-form button[type=submit]")).click();
        wait.until(d -> d.findElement(By.id("route-form-error")).isDisplayed());
        assertThat(session.browser().findElement(By.id("route-form-error")).getText()).contains("scopeId");
        assertThat(routeRows()).hasSize(1);

        // a valid, signed route of team-a is added
        session.browser().findElement(By.id("route-scope-id")).clear();
        session.browser().findElement(By.id("route-scope-id")).sendKeys("team-a");
        new Select(session.browser().findElement(By.id("route-format"))).selectByValue("dingtalk");
        session.browser().findElement(By.id("route-secret")).sendKeys(SECRET);
        session.browser().findElement(By.cssSelector("#route-form button[type=submit]")).click();
        wait.until(d -> routeRows().size() == 2);
        assertThat(session.browser().findElement(By.id("route-form-error")).isDisplayed()).isFalse();
        assertThat(session.browser().getPageSource()).doesNotContain(SECRET);

        // the rep's route is removed
        wait.until(d -> {
            d.findElement(By.cssSelector("#routes-table-body tr[data-route-id] button")).click();
            return true;
        });
        wait.until(d -> routeRows().size() == 1);

        // then the API holds what the page shows: team-a's signed DingTalk route only
        JsonNode left = session.client().get("/api/v1/admin/alert-routes").get("rows");
        assertThat(left).hasSize(1);
        assertThat(left.get(0).get("scope").asString()).isEqualTo("TEAM");
        assertThat(left.get(0).get("scopeId").asString()).isEqualTo("team-a");
        assertThat(left.get(0).get("signed").asBoolean()).isTrue();
        assertThat(session.consoleErrors()).filteredOn(entry -> !entry.getMessage().contains("400"))
                .as("browser console errors other than the refused request").isEmpty();
    }

    private static List<WebElement> routeRows() {
        return session.browser().findElements(By.cssSelector("#routes-table-body tr[data-route-id]"));
    }

    private static long contactRows() {
        return session.browser().findElements(By.cssSelector("#contacts-table-body tr")).stream()
                .filter(row -> row.findElements(By.cssSelector("td.empty")).isEmpty()).count();
    }
}

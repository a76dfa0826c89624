package dev.pulse.launcher.e2e;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Clicking figures as a manager would (a bar, a line point, a funnel stage, a card) and reading
 * the list the page opens behind it (drill.js): its length as the dialog states it and as many
 * rows as it shows.
 */
final class Drilling {

    private Drilling() {
    }

    /** Clicks the middle of one data item of a chart series: a bar's rectangle, a funnel slice, a line's point. */
    @SuppressWarnings("unchecked")
    static void clickPoint(ChromeDriver browser, String elementId, String chartName, int seriesIndex, int dataIndex) {
        WebElement chart = browser.findElement(By.id(elementId));
        script(browser, "arguments[0].scrollIntoView({block: 'center'});", chart);
        List<Number> at = (List<Number>) script(browser, """
                const chart = window.pulseCharts[arguments[0]];
                const data = chart.getModel().getSeriesByIndex(arguments[1]).getData();
                const layout = data.getItemLayout(arguments[2]);
                let x, y;
                if (!layout) {                                        // a line's point: where its value is drawn
                  [x, y] = chart.convertToPixel({ seriesIndex: arguments[1] },
                    [arguments[2], data.get(data.mapDimension('y'), arguments[2])]);
                } else if (layout.points) {                           // a funnel's slice
                  x = layout.points.reduce((s, p) => s + p[0], 0) / layout.points.length;
                  y = layout.points.reduce((s, p) => s + p[1], 0) / layout.points.length;
                } else {                                              // a bar's own rectangle
                  [x, y] = [layout.x + layout.width / 2, layout.y + layout.height / 2];
                }
                return [x, y, chart.getWidth(), chart.getHeight()];""", chartName, seriesIndex, dataIndex);
        new Actions(browser).moveToElement(chart, (int) (at.get(0).doubleValue() - at.get(2).doubleValue() / 2),
                (int) (at.get(1).doubleValue() - at.get(3).doubleValue() / 2)).click().perform();
    }

    /** The index of the first item of a series with a value above zero. */
    static int firstNonZero(ChromeDriver browser, String chartName, int seriesIndex) {
        return ((Number) script(browser, """
                const data = window.pulseCharts[arguments[0]].getOption().series[arguments[1]].data;
                return data.findIndex(d => (d && d.value !== undefined ? d.value : d) > 0);""", chartName, seriesIndex))
                .intValue();
    }

    /**
     * Waits for the list the click opened and answers its length as stated ({@code data-total});
     * checks the dialog shows as many rows (the first page holds up to 200), then closes it.
     */
    static long openedListLength(ChromeDriver browser) {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class);
        String total;
        try {
            total = wait.until(d -> {
                var dialog = d.findElements(By.cssSelector("#drill-dialog[open] #drill-total[data-total]"));
                return dialog.isEmpty() ? null : dialog.getFirst().getAttribute("data-total");
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            // say what the page shows instead: no dialog (the click missed) or the API's refusal
            throw new AssertionError("no list opened; dialog: " + script(browser,
                    "const d = document.getElementById('drill-dialog'); return d ? d.open + ' ' + d.textContent : 'none';")
                    + "; console: " + browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll(), e);
        }
        int rows = browser.findElements(By.cssSelector("#drill-rows tr")).size();
        if (rows != Math.min(200, Long.parseLong(total))) {
            throw new AssertionError("the list says " + total + " but shows " + rows + " rows");
        }
        browser.findElement(By.cssSelector("#drill-dialog .dialog-actions button")).click();
        wait.until(d -> d.findElements(By.cssSelector("#drill-dialog[open]")).isEmpty());
        return Long.parseLong(total);
    }

    /** The export links of the list last opened. */
    static String exportHref(ChromeDriver browser, String format) {
        return browser.findElement(By.id("drill-" + format)).getAttribute("href");
    }

    private static Object script(ChromeDriver browser, String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }
}

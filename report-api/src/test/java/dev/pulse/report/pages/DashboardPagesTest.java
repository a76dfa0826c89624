package dev.pulse.report.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DashboardPagesTest {

    private static final String LAYOUT = """
            <head>
            {{title}}
            {{charts}}
            <script type="module" src="js/{{script}}"></script>
            </head>
            {{bodyTag}}
            <header></header>
            {{body}}""";

    @Test
    void shouldFillTheLayoutFromTheBodysSettingsAndLeaveThemOutOfThePage() {
        // given
        String body = """
                <body data-page-title="funnelPageTitle" data-page-script="funnel.js" data-page-charts data-state="loading">
                  <main>漏斗</main>
                </body>
                """;

        // when
        String page = DashboardPages.assemble(LAYOUT, "funnel.html", body);

        // then
        assertThat(page).isEqualTo("""
                <head>
                <title data-i18n="funnelPageTitle">Pulse</title>
                <script src="/webjars/echarts/echarts.min.js"></script>
                <script type="module" src="js/funnel.js"></script>
                </head>
                <body data-state="loading">
                <header></header>
                  <main>漏斗</main>
                </body>""");
    }

    @Test
    void shouldGiveAPageWithoutChartsOrTitleKeyNeitherTheWebjarNorAnI18nTitle() {
        // when
        String page = DashboardPages.assemble(LAYOUT, "plain.html", "<body data-page-script=\"plain.js\"><main></main></body>");

        // then
        assertThat(page).contains("<title>Pulse</title>", "src=\"js/plain.js\"", "<body>\n<header></header>\n<main></main></body>")
                .doesNotContain("echarts", "data-page-");
    }

    @Test
    void shouldRefuseAPageThatNamesNoModuleOrOneOutsideJs() {
        assertThatThrownBy(() -> DashboardPages.assemble(LAYOUT, "a.html", "<body><main></main></body>"))
                .hasMessageContaining("a.html: data-page-script");
        assertThatThrownBy(() -> DashboardPages.assemble(LAYOUT, "b.html", "<body data-page-script=\"../x.js\">"))
                .hasMessageContaining("b.html: data-page-script");
        assertThatThrownBy(() -> DashboardPages.assemble(LAYOUT, "c.html", "<main></main>"))
                .hasMessageContaining("c.html has no <body> tag");
    }

    @Test
    void shouldAssembleEveryPageOfTheDashboardsModuleWithTheOneSharedHead() {
        // when
        DashboardPages pages = DashboardPages.fromClasspath();

        // then
        assertThat(pages.names()).containsExactlyInAnyOrder("duplicates", "forecast", "funnel", "goals", "import", "index",
                "login", "pool", "routes", "stale");
        for (String name : pages.names()) {
            String page = pages.page(name).orElseThrow();
            assertThat(page).as(name).startsWith("<!doctype html>")
                    .contains("<meta charset=\"utf-8\">", "<link rel=\"stylesheet\" href=\"css/pulse.css\">",
                            "<header class=\"topbar\"", "</main>", "</body>\n</html>")
                    .doesNotContain("{{", "data-page-");
        }
        assertThat(pages.page("funnel").orElseThrow()).contains(
                "<title data-i18n=\"funnelPageTitle\">Pulse</title>",
                "<script src=\"/webjars/echarts/echarts.min.js\"></script>\n  <script type=\"module\" src=\"js/funnel.js\">");
        assertThat(pages.page("index").orElseThrow()).contains("<title>Pulse</title>", "src=\"js/main.js\"");
        assertThat(pages.page("login").orElseThrow()).doesNotContain("echarts")
                .contains("<body data-nav=\"none\">\n  <!-- Drawn by js/header.js");
        assertThat(pages.page("nope")).isEmpty();
    }
}

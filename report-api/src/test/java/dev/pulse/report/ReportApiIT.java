package dev.pulse.report;

import static dev.pulse.report.RunningReport.contentType;
import static dev.pulse.report.RunningReport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.pulse.testsupport.Refusal;
import dev.pulse.testsupport.TestPostgres;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.provider.Arguments;
import tools.jackson.databind.JsonNode;

/**
 * The report API's JSON contract (DESIGN.md "Interfaces") against a real PostgreSQL. The read
 * model is seeded with hand-written rows, as the projector would have left them, so every
 * expected answer below is worked out by hand from the seed in {@link #seed()}.
 */
class ReportApiIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @RegisterExtension
    static final ReportStack stack = new ReportStack("report-api-it", "reports");

    /**
     * Team east: rep-1 and rep-2; team west: rep-3; rep-9 works in no team. 2026-11-02 is the Monday
     * of ISO week 2026-W45 (11-02..11-08); 2026-10-31 is in W44, 2026-11-09 opens W46.
     */
    @BeforeAll
    static void seed() {
        // rep rows per day:                       followUps customers PHONE WECHAT EMAIL MEETING VISIT OTHER
        activity("REP", "rep-1", "east", "DAY", "2026-11-02", "2026-11-02", "2026-11-02", 3, 2, 2, 1, 0, 0, 0, 0);
        activity("REP", "rep-1", "east", "DAY", "2026-11-03", "2026-11-03", "2026-11-03", 4, 3, 1, 0, 0, 0, 3, 0);
        activity("REP", "rep-2", "east", "DAY", "2026-11-03", "2026-11-03", "2026-11-03", 2, 2, 0, 0, 2, 0, 0, 0);
        activity("REP", "rep-9", null, "DAY", "2026-11-03", "2026-11-03", "2026-11-03", 1, 1, 0, 1, 0, 0, 0, 0);
        activity("REP", "rep-3", "west", "DAY", "2026-11-04", "2026-11-04", "2026-11-04", 5, 4, 0, 0, 0, 5, 0, 0);
        activity("REP", "rep-1", "east", "DAY", "2026-11-09", "2026-11-09", "2026-11-09", 1, 1, 0, 0, 0, 0, 0, 1);
        activity("REP", "rep-3", "west", "DAY", "2026-10-31", "2026-10-31", "2026-10-31", 2, 1, 2, 0, 0, 0, 0, 0);
        // rep rows per ISO week
        activity("REP", "rep-3", "west", "WEEK", "2026-W44", "2026-10-26", "2026-11-01", 2, 1, 2, 0, 0, 0, 0, 0);
        activity("REP", "rep-1", "east", "WEEK", "2026-W45", "2026-11-02", "2026-11-08", 7, 4, 3, 1, 0, 0, 3, 0);
        activity("REP", "rep-2", "east", "WEEK", "2026-W45", "2026-11-02", "2026-11-08", 2, 2, 0, 0, 2, 0, 0, 0);
        activity("REP", "rep-3", "west", "WEEK", "2026-W45", "2026-11-02", "2026-11-08", 5, 4, 0, 0, 0, 5, 0, 0);
        activity("REP", "rep-9", null, "WEEK", "2026-W45", "2026-11-02", "2026-11-08", 1, 1, 0, 1, 0, 0, 0, 0);
        activity("REP", "rep-1", "east", "WEEK", "2026-W46", "2026-11-09", "2026-11-15", 1, 1, 0, 0, 0, 0, 0, 1);
        // rep rows per month
        activity("REP", "rep-3", "west", "MONTH", "2026-10", "2026-10-01", "2026-10-31", 2, 1, 2, 0, 0, 0, 0, 0);
        activity("REP", "rep-1", "east", "MONTH", "2026-11", "2026-11-01", "2026-11-30", 8, 4, 3, 1, 0, 0, 3, 1);
        activity("REP", "rep-2", "east", "MONTH", "2026-11", "2026-11-01", "2026-11-30", 2, 2, 0, 0, 2, 0, 0, 0);
        activity("REP", "rep-3", "west", "MONTH", "2026-11", "2026-11-01", "2026-11-30", 5, 4, 0, 0, 0, 5, 0, 0);
        activity("REP", "rep-9", null, "MONTH", "2026-11", "2026-11-01", "2026-11-30", 1, 1, 0, 1, 0, 0, 0, 0);
        // team rows
        activity("TEAM", null, "east", "DAY", "2026-11-02", "2026-11-02", "2026-11-02", 3, 2, 2, 1, 0, 0, 0, 0);
        activity("TEAM", null, "east", "DAY", "2026-11-03", "2026-11-03", "2026-11-03", 6, 4, 1, 0, 2, 0, 3, 0);
        activity("TEAM", null, "west", "DAY", "2026-11-04", "2026-11-04", "2026-11-04", 5, 4, 0, 0, 0, 5, 0, 0);
        activity("TEAM", null, "west", "DAY", "2026-10-31", "2026-10-31", "2026-10-31", 2, 1, 2, 0, 0, 0, 0, 0);
        activity("TEAM", null, "east", "WEEK", "2026-W45", "2026-11-02", "2026-11-08", 9, 5, 3, 1, 2, 0, 3, 0);
        activity("TEAM", null, "west", "WEEK", "2026-W45", "2026-11-02", "2026-11-08", 5, 4, 0, 0, 0, 5, 0, 0);

        // Sales. In Asia/Shanghai (UTC+8): S1 is 2026-11-04 00:30, S2 2026-11-01 23:59:59,
        // S3 2026-11-02 09:00, S4 2026-11-05 00:00; S5, in dollars, 2026-11-03 10:00.
        sale("S1", "west", "1000.50", "CNY", "2026-11-03T16:30:00Z");
        sale("S2", "east", "99.99", "CNY", "2026-11-01T15:59:59Z");
        sale("S3", "east", "2500.00", "CNY", "2026-11-02T01:00:00Z");
        sale("S4", "east", "300.00", "CNY", "2026-11-04T16:00:00Z");
        sale("S5", "west", "450.00", "USD", "2026-11-03T02:00:00Z");

        // Follow-ups of customer C-100 and one of C-200, for the drill-down.
        followUp("00000000-0000-0000-0000-000000000001", "C-100", "rep-1", "PHONE", "2026-11-01T02:00:00Z",
                "初次电话，介绍产品", "LEAD", null, null);
        followUp("00000000-0000-0000-0000-000000000002", "C-100", "rep-1", "VISIT", "2026-11-03T16:30:00Z",
                "上门拜访，客户关心价格", "PROPOSAL", "需要正式报价", "2026-11-10T02:00:00Z");
        followUp("00000000-0000-0000-0000-000000000003", "C-100", "rep-2", "WECHAT", "2026-11-05T09:15:00Z",
                "微信发送报价单", "QUOTE", null, null);
        followUp("00000000-0000-0000-0000-000000000004", "C-200", "rep-1", "EMAIL", "2026-11-04T03:00:00Z",
                "邮件确认合同条款", "CONTRACT", null, null);
    }

    @Nested
    class Reports implements StatedAnswers {

        /** The answers stated whole, worked out from the seed (see {@link StatedAnswers}). */
        static Stream<Arguments> answers() {
            return Stream.of(
                    // the seed: five rep rows fall on 2026-11-02..04; 10-31 and 11-09 are outside, team rows are another scope
                    arguments(named("a rep's daily rows of the range ordered by day, then team, then rep; rep-9 without a"
                            + " team after the teams of its day", "reports/rep-activity?from=2026-11-02&to=2026-11-04&granularity=day"),
                            rows(day("rep-1", "east", "2026-11-02", 3, 2, "PHONE 2, WECHAT 1"),
                                    day("rep-1", "east", "2026-11-03", 4, 3, "PHONE 1, VISIT 3"),
                                    day("rep-2", "east", "2026-11-03", 2, 2, "EMAIL 2"),
                                    day("rep-9", null, "2026-11-03", 1, 1, "WECHAT 1"),
                                    day("rep-3", "west", "2026-11-04", 5, 4, "MEETING 5"))),
                    // W45 runs 2026-11-02..08 and W44, W46 do not touch 2026-11-04
                    arguments(named("a week that overlaps the range even when the range is one day inside it",
                            "reports/rep-activity?from=2026-11-04&to=2026-11-04&granularity=week"), rows(
                            period("rep-1", "east", "2026-W45", "2026-11-02", "2026-11-08", 7, 4, "PHONE 3, WECHAT 1, VISIT 3"),
                            period("rep-2", "east", "2026-W45", "2026-11-02", "2026-11-08", 2, 2, "EMAIL 2"),
                            period("rep-3", "west", "2026-W45", "2026-11-02", "2026-11-08", 5, 4, "MEETING 5"),
                            period("rep-9", null, "2026-W45", "2026-11-02", "2026-11-08", 1, 1, "WECHAT 1"))),
                    arguments(named("every month a range from mid-October to mid-November touches",
                            "reports/rep-activity?from=2026-10-15&to=2026-11-15&granularity=month"), rows(
                            period("rep-3", "west", "2026-10", "2026-10-01", "2026-10-31", 2, 1, "PHONE 2"),
                            period("rep-1", "east", "2026-11", "2026-11-01", "2026-11-30", 8, 4,
                                    "PHONE 3, WECHAT 1, VISIT 3, OTHER 1"),
                            period("rep-2", "east", "2026-11", "2026-11-01", "2026-11-30", 2, 2, "EMAIL 2"),
                            period("rep-3", "west", "2026-11", "2026-11-01", "2026-11-30", 5, 4, "MEETING 5"),
                            period("rep-9", null, "2026-11", "2026-11-01", "2026-11-30", 1, 1, "WECHAT 1"))),
                    arguments(named("only the days of one rep when filtered by repId; day is the default granularity",
                            "reports/rep-activity?from=2026-11-01&to=2026-11-30&repId=rep-1"), rows(
                            day("rep-1", "east", "2026-11-02", 3, 2, "PHONE 2, WECHAT 1"),
                            day("rep-1", "east", "2026-11-03", 4, 3, "PHONE 1, VISIT 3"),
                            day("rep-1", "east", "2026-11-09", 1, 1, "OTHER 1"))),
                    arguments(named("no rows for a range without activity",
                            "reports/rep-activity?from=2030-01-01&to=2030-01-31&granularity=day"), rows()),
                    arguments(named("team rows without a rep", "reports/team-activity?from=2026-11-02&to=2026-11-04&granularity=day"),
                            rows(day(null, "east", "2026-11-02", 3, 2, "PHONE 2, WECHAT 1"),
                                    day(null, "east", "2026-11-03", 6, 4, "PHONE 1, EMAIL 2, VISIT 3"),
                                    day(null, "west", "2026-11-04", 5, 4, "MEETING 5"))),
                    // 2026-11-08..09 overlaps W45 and W46, and east has a team row only in W45
                    arguments(named("one team's weeks when filtered by teamId",
                            "reports/team-activity?from=2026-11-08&to=2026-11-09&granularity=week&teamId=east"), rows(
                            period(null, "east", "2026-W45", "2026-11-02", "2026-11-08", 9, 5,
                                    "PHONE 3, WECHAT 1, EMAIL 2, VISIT 3"))),
                    // days 11-02..04: follow-ups 3+4+2+1+5 = 15 by rep-1, rep-2, rep-9, rep-3 in east and west,
                    // touches 2+3+2+1+4 = 12; sales S1 (11-04 00:30 local) and S3 (11-02 09:00 local): 1000.50 + 2500.00
                    // yuan, and S5: 450.00 dollars, never added to the yuan; S2 is 11-01 23:59:59 and S4 is 11-05 00:00
                    // local time, both outside
                    arguments(named("the days and the sales of the range added up in Shanghai time",
                            "reports/summary?from=2026-11-02&to=2026-11-04"), summary(15, 4, 2, 12, 3, "CNY 3500.50, USD 450.00")),
                    // S1 at 2026-11-03T16:30Z is 2026-11-04 00:30 in Asia/Shanghai: 11-03 has rep-1 (4), rep-2 (2) and
                    // rep-9 (1) and only the dollar sale S5; 11-04 has rep-3 (5) and S1
                    arguments(named("11-03 without the sale at 16:30 UTC", "reports/summary?from=2026-11-03&to=2026-11-03"),
                            summary(7, 3, 1, 6, 1, "USD 450.00")),
                    arguments(named("11-04 with the sale at 16:30 UTC of 11-03", "reports/summary?from=2026-11-04&to=2026-11-04"),
                            summary(5, 1, 1, 4, 1, "CNY 1000.50")),
                    // east on 11-02..04: rep-1 3+4, rep-2 2 follow-ups; touches 2+3+2; of its sales only S3 is in range
                    arguments(named("only one team added up when filtered by teamId",
                            "reports/summary?from=2026-11-02&to=2026-11-04&teamId=east"), summary(9, 2, 1, 7, 1, "CNY 2500.00")),
                    // rep-2 on 11-02..04: 2 follow-ups, 2 touches, in east, and no sale (every sale is rep-1's)
                    arguments(named("only one rep added up when filtered by repId",
                            "reports/summary?from=2026-11-02&to=2026-11-04&repId=rep-2"), summary(2, 1, 1, 2, 0, "")),
                    // rep-1: 3+4 follow-ups, 2+3 touches, and of the sales S1, S3 and S5 of the range only the one
                    // booked to east (S3): S1 and S5 are west's
                    arguments(named("a rep in a team keeps only the team's sales",
                            "reports/summary?from=2026-11-02&to=2026-11-04&repId=rep-1&teamId=east"),
                            summary(7, 1, 1, 5, 1, "CNY 2500.00")),
                    arguments(named("zeros for a range without activity", "reports/summary?from=2030-01-01&to=2030-01-31"),
                            summary(0, 0, 0, 0, 0, "")));
        }

        @Override
        public RunningReport report() {
            return stack.report();
        }

        @Test
        void shouldAnswerOnlyTheRepsOfOneTeamWhenFilteredByTeamId() {
            // when
            var answer = stack.report().getJson("/api/v1/reports/rep-activity?from=2026-10-01&to=2026-11-30&granularity=day&teamId=west");

            // then
            assertThat(answer.get("rows")).extracting(row -> row.get("repId").asString() + " " + row.get("bucket").asString()
                    + " " + row.get("followUps").asLong()).containsExactly("rep-3 2026-10-31 2", "rep-3 2026-11-04 5");
        }
    }

    @Test
    void shouldResolveARangePresetInShanghaiTime() {
        // given today in the reporting zone, and its quarter worked out from the month number
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int firstMonth = (today.getMonthValue() - 1) / 3 * 3 + 1;
        LocalDate quarterStart = LocalDate.of(today.getYear(), firstMonth, 1);

        // when
        var quarter = stack.report().getJson("/api/v1/date-range?range=THIS_QUARTER");
        var week = stack.report().getJson("/api/v1/date-range?range=last_7_days");

        // then (a test run across Shanghai midnight could see two days: the answers are read after today)
        assertThat(quarter).isEqualTo(json("""
                {"range": "this_quarter", "from": "%s", "to": "%s", "zone": "Asia/Shanghai"}""".formatted(
                quarterStart, quarterStart.plusMonths(3).minusDays(1))));
        assertThat(week).isEqualTo(json("""
                {"range": "last_7_days", "from": "%s", "to": "%s", "zone": "Asia/Shanghai"}""".formatted(
                today.minusDays(6), today)));
    }

    @Test
    void shouldRefuseAnUnknownRangePresetNamingTheChoicesInBothLanguages() {
        HttpResponse<String> english = stack.report().get("/api/v1/date-range?range=yesterday", true, "en");
        HttpResponse<String> chinese = stack.report().get("/api/v1/date-range?range=yesterday", true, "zh-CN");

        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(json(english).get("detail").asString())
                .isEqualTo("range must be one of [today, this_week, last_7_days, last_30_days, last_90_days, this_month, this_quarter]");
        assertThat(chinese.statusCode()).isEqualTo(400);
        assertThat(json(chinese).get("detail").asString())
                .isEqualTo("参数 range 只能是以下之一：[today, this_week, last_7_days, last_30_days, last_90_days, this_month, this_quarter]");
    }

    @Test
    void shouldListTheTeamsWithTheirRepsAndLeaveOutRepsWithoutATeam() {
        // when
        var answer = stack.report().getJson("/api/v1/teams");

        // then
        assertThat(answer).isEqualTo(json("""
                {"rows": [{"teamId": "east", "reps": ["rep-1", "rep-2"]}, {"teamId": "west", "reps": ["rep-3"]}]}"""));
    }

    @Nested
    class FollowUps {

        @Test
        void shouldListACustomersFollowUpsNewestFirstWithTheChineseTextIntact() {
            // when
            var answer = stack.report().getJson("/api/v1/followups?customerId=C-100");

            // then
            assertThat(answer).isEqualTo(json("""
                    {"rows": [
                      {"eventId": "00000000-0000-0000-0000-000000000003", "customerId": "C-100", "customerName": "张伟",
                       "company": "杭州云帆科技有限公司", "repId": "rep-2", "repName": "李娜", "teamId": "east",
                       "occurredAt": "2026-11-05T09:15:00Z", "channel": "WECHAT", "content": "微信发送报价单",
                       "stage": "QUOTE", "result": null, "nextFollowUpAt": null},
                      {"eventId": "00000000-0000-0000-0000-000000000002", "customerId": "C-100", "customerName": "张伟",
                       "company": "杭州云帆科技有限公司", "repId": "rep-1", "repName": "李娜", "teamId": "east",
                       "occurredAt": "2026-11-03T16:30:00Z", "channel": "VISIT", "content": "上门拜访，客户关心价格",
                       "stage": "PROPOSAL", "result": "需要正式报价", "nextFollowUpAt": "2026-11-10T02:00:00Z"},
                      {"eventId": "00000000-0000-0000-0000-000000000001", "customerId": "C-100", "customerName": "张伟",
                       "company": "杭州云帆科技有限公司", "repId": "rep-1", "repName": "李娜", "teamId": "east",
                       "occurredAt": "2026-11-01T02:00:00Z", "channel": "PHONE", "content": "初次电话，介绍产品",
                       "stage": "LEAD", "result": null, "nextFollowUpAt": null}
                    ]}"""));
        }

        @Test
        void shouldStopAtTheLimit() {
            // when
            var answer = stack.report().getJson("/api/v1/followups?customerId=C-100&limit=2");

            // then the two newest
            assertThat(answer.get("rows")).extracting(row -> row.get("eventId").asString()).containsExactly(
                    "00000000-0000-0000-0000-000000000003", "00000000-0000-0000-0000-000000000002");
        }

        @Test
        void shouldListARepsFollowUpsOfShanghaiDaysWhenGivenARange() {
            // given 2026-11-04 in Shanghai is [11-03T16:00Z, 11-04T16:00Z): rep-1's 11-03T16:30Z and 11-04T03:00Z

            // when
            var all = stack.report().getJson("/api/v1/followups?repId=rep-1");
            var nov4 = stack.report().getJson("/api/v1/followups?repId=rep-1&from=2026-11-04&to=2026-11-04");

            // then
            assertThat(all.get("rows")).extracting(row -> row.get("eventId").asString()).containsExactly(
                    "00000000-0000-0000-0000-000000000004", "00000000-0000-0000-0000-000000000002",
                    "00000000-0000-0000-0000-000000000001");
            assertThat(nov4.get("rows")).extracting(row -> row.get("eventId").asString()
                    + " " + row.get("content").asString()).containsExactly(
                    "00000000-0000-0000-0000-000000000004 邮件确认合同条款",
                    "00000000-0000-0000-0000-000000000002 上门拜访，客户关心价格");
        }

        @Test
        void shouldFindACustomerWhoseIdIsChinese() {
            // given
            followUp("00000000-0000-0000-0000-000000000005", "客户-甲", "rep-5", "OTHER", "2026-11-06T01:00:00Z",
                    "展会现场交换名片", "LEAD", null, null);

            // when
            var answer = stack.report().getJson("/api/v1/followups?customerId=" + URLEncoder.encode("客户-甲", StandardCharsets.UTF_8));

            // then
            assertThat(answer.get("rows")).extracting(row -> row.get("customerId").asString() + " "
                    + row.get("content").asString()).containsExactly("客户-甲 展会现场交换名片");
        }
    }

    @Nested
    class InvalidQueries {

        @Test
        void shouldRejectAMissingFromNamingTheParameter() {
            assertProblem("/api/v1/reports/rep-activity?to=2026-11-04", "Bad Request",
                    "Required parameter 'from' is not present.");
        }

        @Test
        void shouldRejectFromAfterTo() {
            assertProblem("/api/v1/reports/rep-activity?from=2026-11-05&to=2026-11-01", "Invalid query",
                    "from (2026-11-05) must not be after to (2026-11-01)");
        }

        @Test
        void shouldRejectAnUnparsableDate() {
            assertProblem("/api/v1/reports/summary?from=2026-13-01&to=2026-11-04", "Bad Request",
                    "Failed to convert 'from' with value: '2026-13-01'");
        }

        @Test
        void shouldRejectAnUnknownGranularity() {
            assertProblem("/api/v1/reports/rep-activity?from=2026-11-01&to=2026-11-04&granularity=year", "Invalid query",
                    "granularity must be one of [day, week, month], not 'year'");
        }

        @Test
        void shouldRejectFollowUpsWithoutCustomerOrRep() {
            assertProblem("/api/v1/followups?from=2026-11-01&to=2026-11-04", "Invalid query", "give customerId or repId");
        }

        @Test
        void shouldRejectFollowUpsWithFromButWithoutTo() {
            assertProblem("/api/v1/followups?customerId=C-100&from=2026-11-01", "Invalid query",
                    "give both from and to, or neither");
        }

        @Test
        void shouldRejectALimitOfZero() {
            assertProblem("/api/v1/followups?customerId=C-100&limit=0", "Invalid query", "limit must be between 1 and 1000");
        }

        @Test
        void shouldRejectALimitAboveAThousand() {
            assertProblem("/api/v1/followups?customerId=C-100&limit=5000", "Invalid query",
                    "limit must be between 1 and 1000");
        }

        @Test
        void shouldRejectFromAfterToInChineseWhenAskedForZhCn() {
            assertProblemIn("zh-CN,zh;q=0.9", "/api/v1/reports/rep-activity?from=2026-11-05&to=2026-11-01", 400,
                    "PULSE-Q001", "开始日期 from（2026-11-05）不能晚于结束日期 to（2026-11-01）");
        }

        @Test
        void shouldRejectFromAfterToInEnglishWhenAskedForEn() {
            assertProblemIn("en-US", "/api/v1/reports/rep-activity?from=2026-11-05&to=2026-11-01", 400,
                    "PULSE-Q001", "from (2026-11-05) must not be after to (2026-11-01)");
        }

        @Test
        void shouldRejectAnUnknownGranularityInBothLanguages() {
            String path = "/api/v1/reports/rep-activity?from=2026-11-01&to=2026-11-04&granularity=year";
            assertProblemIn("zh", path, 400, "PULSE-Q004", "参数 granularity 只能是以下之一：[day, week, month]，不能是“year”");
            assertProblemIn(null, path, 400, "PULSE-Q004", "granularity must be one of [day, week, month], not 'year'");
        }

        @Test
        void shouldRejectAMissingAndAnUnparsableParameterInChinese() {
            assertProblemIn("zh-CN", "/api/v1/reports/rep-activity?to=2026-11-04", 400, "PULSE-H001", "缺少必需的参数 from。");
            assertProblemIn("zh-CN", "/api/v1/reports/summary?from=2026-13-01&to=2026-11-04", 400, "PULSE-H002",
                    "参数 from 的值“2026-13-01”格式不对");
        }

        @Test
        void shouldRejectAControlCharacterInAParameterInChinese() {
            assertProblemIn("zh-CN", "/api/v1/followups?customerId=C%01100", 400, "PULSE-Q003", "参数 customerId 不能含控制字符");
        }

        private void assertProblemIn(String language, String pathAndQuery, int status, String code, String detail) {
            // when
            HttpResponse<String> response = stack.report().get(pathAndQuery, true, language);

            // then
            assertThat(Refusal.of(response)).isEqualTo(new Refusal(status, code, detail));
            assertThat(contentType(response)).startsWith(PROBLEM_JSON);
        }

        private void assertProblem(String pathAndQuery, String title, String detail) {
            // when
            HttpResponse<String> response = stack.report().get(pathAndQuery);

            // then
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(contentType(response)).startsWith(PROBLEM_JSON);
            var problem = json(response);
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("title").asString()).isEqualTo(title);
            assertThat(problem.get("detail").asString()).isEqualTo(detail);
            assertThat(problem.get("code").asString()).startsWith("PULSE-");
            assertThat(problem.get("instance").asString()).isEqualTo(pathAndQuery.substring(0, pathAndQuery.indexOf('?')));
        }
    }

    @Test
    void shouldRefuseAnAnonymousCallerWithACodeInTheAskedLanguage() {
        // when
        HttpResponse<String> zh = stack.report().get("/api/v1/reports/summary?from=2026-11-01&to=2026-11-04", false, "zh-CN");
        HttpResponse<String> en = stack.report().get("/api/v1/reports/summary?from=2026-11-01&to=2026-11-04", false, null);

        // then
        assertThat(Refusal.of(zh)).isEqualTo(new Refusal(401, "PULSE-A001", "请发送 Authorization: Bearer <token>，或先登录。"));
        assertThat(Refusal.of(en)).isEqualTo(new Refusal(401, "PULSE-A001", "Send Authorization: Bearer <token>, or sign in."));
    }

    @Nested
    class Operations {

        @Test
        void shouldDescribeTheReportsInOpenApi() {
            // when
            HttpResponse<String> response = stack.report().get("/v3/api-docs");

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("paths").propertyNames()).contains(
                    "/api/v1/reports/rep-activity", "/api/v1/reports/team-activity", "/api/v1/reports/summary",
                    "/api/v1/teams", "/api/v1/followups", "/api/v1/live");
        }

        @Test
        void shouldReportHealthUp() {
            // when
            HttpResponse<String> response = stack.report().get("/actuator/health");

            // then
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).get("status").asString()).isEqualTo("UP");
        }

        @Test
        void shouldExposeTheConsumerLagAndTheProjectedRecordsToPrometheus() {
            // the projector's consumer registers its metrics once it is created, a moment after start
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> response = stack.report().get("/actuator/prometheus");
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body())
                        .contains("kafka_consumer_fetch_manager_records_lag_max")
                        .contains("pulse_projector_records");
            });
        }

        @Test
        void shouldServeTheDashboardAndEChartsFromTheWebjar() {
            // when
            HttpResponse<String> page = stack.report().get("/");
            HttpResponse<String> echarts = stack.report().get("/webjars/echarts/echarts.min.js");

            // then
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(contentType(page)).startsWith("text/html");
            assertThat(page.body()).contains("<script src=\"/webjars/echarts/echarts.min.js\"></script>");
            assertThat(echarts.statusCode()).isEqualTo(200);
            assertThat(echarts.body()).contains("echarts");
        }
    }

    /**
     * The summary's whole answer. {@code revenue} sums the sales of each currency, as
     * {@code "CNY 3500.50, USD 450.00"}, or is "" where there is none.
     */
    private static JsonNode summary(int followUps, int activeReps, int teams, int customerTouches, int sales,
                                    String revenue) {
        return json("""
                {"followUps": %d, "activeReps": %d, "teams": %d, "customerTouches": %d, "sales": %d,
                 "revenueByCurrency": {%s}}""".formatted(followUps, activeReps, teams, customerTouches, sales,
                countsByName(revenue)));
    }

    /** An activity report's whole answer: these rows, in this order. */
    private static JsonNode rows(String... rows) {
        return json("{\"rows\": [" + String.join(", ", rows) + "]}");
    }

    /** A row of one day, which is its bucket, its first day and its last. */
    private static String day(String repId, String teamId, String day, int followUps, int customers, String channels) {
        return period(repId, teamId, day, day, day, followUps, customers, channels);
    }

    /**
     * A row as the API writes it. {@code channels} counts the follow-ups of each channel used, as
     * {@code "PHONE 2, WECHAT 1"}: byChannel leaves out a channel nobody used.
     */
    private static String period(String repId, String teamId, String bucket, String periodStart, String periodEnd,
                                 int followUps, int customers, String channels) {
        return """
                {"repId": %s, "teamId": %s, "bucket": "%s", "periodStart": "%s", "periodEnd": "%s",
                 "followUps": %d, "customers": %d, "byChannel": {%s}}""".formatted(jsonString(repId), jsonString(teamId),
                bucket, periodStart, periodEnd, followUps, customers, countsByName(channels));
    }

    /** The members of a JSON object of numbers written {@code "PHONE 2, WECHAT 1"}; "" is none. */
    private static String countsByName(String counts) {
        return counts.isEmpty() ? "" : Arrays.stream(counts.split(", "))
                .map(count -> count.split(" "))
                .map(count -> "\"" + count[0] + "\": " + count[1])
                .collect(Collectors.joining(", "));
    }

    private static String jsonString(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static void activity(String scope, String repId, String teamId, String granularity, String bucket,
                                 String periodStart, String periodEnd, long followUps, long customers,
                                 long phone, long wechat, long email, long meeting, long visit, long other) {
        TestPostgres.execute(stack.jdbcUrl(), """
                        insert into rep_activity (row_key, scope, rep_id, team_id, granularity, bucket, period_start,
                            period_end, follow_ups, customers, ch_phone, ch_wechat, ch_email, ch_meeting, ch_visit, ch_other)
                        values (?, ?, ?, ?, ?, ?, ?::date, ?::date, ?, ?, ?, ?, ?, ?, ?, ?)""",
                String.join("/", scope, granularity, bucket, String.valueOf(repId), String.valueOf(teamId)),
                scope, repId, teamId, granularity, bucket, periodStart, periodEnd, followUps, customers,
                phone, wechat, email, meeting, visit, other);
    }

    private static void sale(String orderId, String teamId, String amount, String currency, String occurredAt) {
        TestPostgres.execute(stack.jdbcUrl(), """
                        insert into sale (event_id, order_id, customer_id, rep_id, team_id, product, amount, currency,
                            occurred_at)
                        values (gen_random_uuid(), ?, 'C-100', 'rep-1', ?, '企业版年度订阅', ?::numeric, ?, ?::timestamptz)""",
                orderId, teamId, amount, currency, occurredAt);
    }

    private static void followUp(String eventId, String customerId, String repId, String channel, String occurredAt,
                                 String content, String stage, String result, String nextFollowUpAt) {
        TestPostgres.execute(stack.jdbcUrl(), """
                        insert into followup (event_id, customer_id, customer_name, phone, company, rep_id, rep_name,
                            team_id, occurred_at, channel, content, stage, result, next_follow_up_at)
                        values (?::uuid, ?, '张伟', '13800138000', '杭州云帆科技有限公司', ?, '李娜', 'east',
                            ?::timestamptz, ?, ?, ?, ?, ?::timestamptz)""",
                eventId, customerId, repId, occurredAt, channel, content, stage, result, nextFollowUpAt);
    }
}

package dev.pulse.report.activity;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.activity.Granularity;
import dev.pulse.report.config.ReportProperties;
import dev.pulse.report.exports.Exports;
import dev.pulse.report.web.DateRange;
import dev.pulse.security.AccessScope;
import dev.pulse.security.PulseUser;
import dev.pulse.security.Role;
import dev.pulse.security.web.PulseAuthentication;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The activity endpoints in a web slice: what they refuse before any query (bad dates, an unknown
 * granularity, a missing parameter, a control character, a filter outside the caller's scope), as
 * problem+json with the catalogue's code and the detail in the caller's language, and the scope and
 * filters they hand the repository. The repository is a mock; the SQL is {@link ActivityRepositoryIT}'s.
 */
@WebMvcTest(ActivityController.class)
class ActivityControllerTest {

    private static final PulseUser REP_A = new PulseUser("li", Role.REP, "rep-a", Set.of());
    private static final PulseUser MANAGER_A = new PulseUser("wang", Role.MANAGER, null, Set.of("team-a"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ActivityRepository repository;

    @MockitoBean
    ReportProperties properties;

    /** The report's CSV/XLSX exports; this slice checks the JSON answers and their refusals. */
    @MockitoBean
    Exports exports;

    @Test
    void shouldRefuseAFromAfterToInEnglishAndChineseWithoutQuerying() throws Exception {
        String reversed = "/api/v1/reports/rep-activity?from=2026-03-10&to=2026-03-01";
        refused(REP_A, get(reversed), "en", HttpStatus.BAD_REQUEST, "PULSE-Q001",
                "from (2026-03-10) must not be after to (2026-03-01)")
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid query"));
        refused(REP_A, get(reversed), "zh-CN", HttpStatus.BAD_REQUEST, "PULSE-Q001",
                "开始日期 from（2026-03-10）不能晚于结束日期 to（2026-03-01）");
        verifyNoInteractions(repository);
    }

    @Test
    void shouldNameTheGranularitiesThereAre() throws Exception {
        refused(REP_A, get("/api/v1/reports/rep-activity?from=2026-03-01&to=2026-03-10&granularity=hour"), "en",
                HttpStatus.BAD_REQUEST, "PULSE-Q004", "granularity must be one of [day, week, month], not 'hour'");
        refused(REP_A, get("/api/v1/reports/team-activity?from=2026-03-01&to=2026-03-10&granularity=hour"), "zh",
                HttpStatus.BAD_REQUEST, "PULSE-Q004", "参数 granularity 只能是以下之一：[day, week, month]，不能是“hour”");
        verifyNoInteractions(repository);
    }

    @Test
    void shouldNameAMissingParameter() throws Exception {
        String withoutFrom = "/api/v1/reports/summary?to=2026-03-10";
        refused(REP_A, get(withoutFrom), "en", HttpStatus.BAD_REQUEST, "PULSE-H001", "Required parameter 'from' is not present.");
        refused(REP_A, get(withoutFrom), "zh", HttpStatus.BAD_REQUEST, "PULSE-H001", "缺少必需的参数 from。");
        verifyNoInteractions(repository);
    }

    @Test
    void shouldRefuseAControlCharacterInAFilter() throws Exception {
        refused(REP_A, get("/api/v1/reports/rep-activity?from=2026-03-01&to=2026-03-10").param("repId", "rep\u0000a"), "en",
                HttpStatus.BAD_REQUEST, "PULSE-Q003", "repId must not contain control characters");
        verifyNoInteractions(repository);
    }

    @Test
    void shouldRefuseARepAskingForAnotherRepAndAManagerForAnotherTeam() throws Exception {
        refused(REP_A, get("/api/v1/reports/rep-activity?from=2026-03-01&to=2026-03-10&repId=rep-b"), "en",
                HttpStatus.FORBIDDEN, "PULSE-A007", "your scope does not include rep 'rep-b'")
                .andExpect(jsonPath("$.title").value("Forbidden"));
        refused(MANAGER_A, get("/api/v1/reports/team-activity?from=2026-03-01&to=2026-03-10&teamId=team-b"), "zh",
                HttpStatus.FORBIDDEN, "PULSE-A008", "你的权限范围不包括团队“team-b”");
        verifyNoInteractions(repository);
    }

    @Test
    void shouldHandTheRepositoryTheCallersScopeAndTheFiltersStripped() throws Exception {
        DateRange range = new DateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10));
        when(properties.zone()).thenReturn(ZoneId.of("Asia/Shanghai"));
        when(repository.rows(AccessScope.rep("rep-a"), ActivityScope.REP, Granularity.WEEK, range, "rep-a", null, "web",
                ZoneId.of("Asia/Shanghai")))
                .thenReturn(List.of(new ActivityRowView("rep-a", "team-a", "2026-W10", LocalDate.of(2026, 3, 2),
                        LocalDate.of(2026, 3, 8), 7, 4, Map.of("PHONE", 7L))));

        mvc.perform(as(REP_A, get("/api/v1/reports/rep-activity?from=2026-03-01&to=2026-03-10")
                        .param("granularity", " Week ").param("repId", " rep-a ").param("teamId", " ")
                        .param("source", " web "), "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(1))
                .andExpect(jsonPath("$.rows[0].repId").value("rep-a"))
                .andExpect(jsonPath("$.rows[0].followUps").value(7))
                .andExpect(jsonPath("$.rows[0].byChannel.PHONE").value(7));
        verify(repository).rows(eq(AccessScope.rep("rep-a")), eq(ActivityScope.REP), eq(Granularity.WEEK), eq(range),
                eq("rep-a"), eq(null), eq("web"), eq(ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void shouldGiveAManagerTheTeamsTheyLead() throws Exception {
        when(repository.teams(any())).thenReturn(List.of(new TeamView("team-a", List.of("rep-a", "rep-c"))));

        mvc.perform(as(MANAGER_A, get("/api/v1/teams"), "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].teamId").value("team-a"))
                .andExpect(jsonPath("$.rows[0].reps[1]").value("rep-c"));
        verify(repository).teams(AccessScope.teams(Set.of("team-a")));
    }

    /** A refused request's answer: its status, its catalogue code and its detail in the language asked for. */
    private ResultActions refused(PulseUser user, MockHttpServletRequestBuilder request, String language, HttpStatus status,
                                  String code, String detail) throws Exception {
        return mvc.perform(as(user, request, language))
                .andExpect(status().is(status.value()))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.detail").value(detail));
    }

    private static MockHttpServletRequestBuilder as(PulseUser user, MockHttpServletRequestBuilder request, String language) {
        return request.with(authentication(new PulseAuthentication(user))).header("Accept-Language", language);
    }
}

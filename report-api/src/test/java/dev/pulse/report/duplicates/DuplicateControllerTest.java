package dev.pulse.report.duplicates;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pulse.report.exports.Exports;
import dev.pulse.report.live.LiveBroadcast;
import dev.pulse.report.live.LiveUpdates;
import dev.pulse.security.AccessScope;
import dev.pulse.security.PulseUser;
import dev.pulse.security.Role;
import dev.pulse.security.web.PulseAuthentication;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The duplicate-flag endpoints in a web slice: a dismissal's path and body checked before any
 * write, 404 for a flag the manager cannot see and 409 for one no longer open, each as
 * problem+json in the caller's language; a dismissal in scope is written as the caller and
 * broadcast. The repository is a mock; its SQL is {@link DuplicateRepositoryIT}'s.
 */
@WebMvcTest(DuplicateController.class)
class DuplicateControllerTest {

    private static final PulseUser MANAGER_A = new PulseUser("wang", Role.MANAGER, null, Set.of("team-a"));
    private static final AccessScope TEAM_A = AccessScope.teams(Set.of("team-a"));
    private static final UUID FLAG = UUID.fromString("6f1c2a52-0d4e-4a8e-9a53-0e3f5c1d2b7a");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DuplicateRepository repository;

    @MockitoBean
    LiveBroadcast live;

    @MockitoBean
    Exports exports;

    @Test
    void shouldRefuseAFlagIdThatIsNoUuidAndABlankReasonWithoutWriting() throws Exception {
        mvc.perform(dismiss("not-a-uuid", "{\"reason\":\"同一人\"}", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("PULSE-Q010"))
                .andExpect(jsonPath("$.detail").value("flagId must be a UUID"));
        mvc.perform(dismiss(FLAG.toString(), "{\"reason\":\"  \"}", "zh"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("PULSE-Q011"))
                .andExpect(jsonPath("$.detail").value("reason 必填"));
        mvc.perform(dismiss(FLAG.toString(), "{\"reason\":\"" + "长".repeat(2_001) + "\"}", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("PULSE-Q012"))
                .andExpect(jsonPath("$.detail").value("reason must be at most 2000 printable characters"));
        verifyNoInteractions(repository, live);
    }

    @Test
    void shouldAnswer404ForAFlagOutOfSightAnd409ForOneNoLongerOpen() throws Exception {
        when(repository.dismiss(any(), any(), any(), any())).thenReturn(false);
        when(repository.findById(TEAM_A, FLAG)).thenReturn(Optional.empty());
        mvc.perform(dismiss(FLAG.toString(), "{\"reason\":\"同一人\"}", "zh"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PULSE-Q014"))
                .andExpect(jsonPath("$.detail").value("没有重复标记 " + FLAG));

        when(repository.findById(TEAM_A, FLAG)).thenReturn(Optional.of(flag("DISMISSED")));
        mvc.perform(dismiss(FLAG.toString(), "{\"reason\":\"同一人\"}", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("PULSE-Q013"))
                .andExpect(jsonPath("$.detail").value("flag " + FLAG + " is not open"));
        verifyNoInteractions(live);
    }

    @Test
    void shouldDismissInTheCallersScopeAsTheCallerAndBroadcastIt() throws Exception {
        when(repository.dismiss(TEAM_A, FLAG, "wang", "同一客户，已合并")).thenReturn(true);
        when(repository.findById(TEAM_A, FLAG)).thenReturn(Optional.of(flag("DISMISSED")));

        mvc.perform(dismiss(FLAG.toString(), "{\"reason\":\"  同一客户，已合并 \"}", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flagId").value(FLAG.toString()))
                .andExpect(jsonPath("$.status").value("DISMISSED"));
        verify(repository).dismiss(TEAM_A, FLAG, "wang", "同一客户，已合并");
        verify(live).publish(LiveUpdates.DUPLICATES);
    }

    @Test
    void shouldCountEveryTypeAndTheTotalAndRefuseAnUnknownStatus() throws Exception {
        when(repository.openCountsByType(TEAM_A, FlagFilter.NONE)).thenReturn(Map.of("MULTI_REP", 2, "DUPLICATE_ENTRY", 1));
        mvc.perform(as(get("/api/v1/reports/duplicates/counts"), "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.DUPLICATE_CUSTOMER").value(0))
                .andExpect(jsonPath("$.MULTI_REP").value(2))
                .andExpect(jsonPath("$.DUPLICATE_ENTRY").value(1))
                .andExpect(jsonPath("$.total").value(3));

        mvc.perform(as(get("/api/v1/reports/duplicates?status=closed"), "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("PULSE-Q005"))
                .andExpect(jsonPath("$.detail").value("status must be one of OPEN, DISMISSED, ALL"));
    }

    private MockHttpServletRequestBuilder dismiss(String flagId, String body, String language) {
        return as(post("/api/v1/reports/duplicates/{flagId}/dismiss", flagId).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body), language);
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String language) {
        return request.with(authentication(new PulseAuthentication(MANAGER_A))).header("Accept-Language", language);
    }

    private static DuplicateFlagView flag(String status) {
        OffsetDateTime at = OffsetDateTime.parse("2026-03-02T10:00:00Z");
        return new DuplicateFlagView(FLAG, "MULTI_REP", "C1", List.of("C1"), List.of("rep-a", "rep-b"), List.of("e1", "e2"),
                at, at, status, "wang", "同一客户，已合并", at);
    }
}

package dev.pulse.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A record bound as a parameter object is refused as its {@code @RequestParam}s were as parameters of
 * the method: the same exceptions (which LocalizedErrors turns into MISSING_PARAMETER and
 * UNCONVERTIBLE_PARAMETER), naming the parameter, the first one in declaration order, before any
 * parameter the method declares after the record; and a defaulted component takes its default.
 */
class ParameterObjectsTest {

    record Query(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(required = false) String repId,
                 @RequestParam(defaultValue = "100") int limit) {
    }

    @RestController
    static class Echo {

        @GetMapping("/echo")
        String echo(@ParameterObject Query query, @RequestParam(defaultValue = "1") int top) {
            return query + " top=" + top;
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Echo())
            .setCustomArgumentResolvers(new ParameterObjects()).build();

    @Test
    void shouldBindEachComponentAsItsRequestParamWithItsDefault() throws Exception {
        // when
        MvcResult result = mvc.perform(get("/echo?from=2026-11-01&to=2026-11-30&repId=rep-1")).andReturn();

        // then
        assertThat(result.getResponse().getContentAsString())
                .isEqualTo("Query[from=2026-11-01, to=2026-11-30, repId=rep-1, limit=100] top=1");
    }

    @Test
    void shouldRefuseTheFirstMissingComponentAsAMissingParameter() throws Exception {
        // when
        MvcResult result = mvc.perform(get("/echo?to=bad&top=bad")).andReturn();

        // then
        assertThat(result.getResolvedException()).isInstanceOfSatisfying(MissingServletRequestParameterException.class,
                e -> assertThat(e.getParameterName()).isEqualTo("from"));
    }

    @Test
    void shouldRefuseAnEmptyRequiredComponentAsAMissingParameter() throws Exception {
        // when
        MvcResult result = mvc.perform(get("/echo?from=&to=2026-11-30")).andReturn();

        // then
        assertThat(result.getResolvedException()).isInstanceOfSatisfying(MissingServletRequestParameterException.class,
                e -> assertThat(e.getParameterName()).isEqualTo("from"));
    }

    @Test
    void shouldRefuseAnUnconvertibleComponentNamingIt() throws Exception {
        // when
        MvcResult result = mvc.perform(get("/echo?from=2026-11-01&to=2026-02-30&limit=x")).andReturn();

        // then
        assertThat(result.getResolvedException()).isInstanceOfSatisfying(MethodArgumentTypeMismatchException.class,
                e -> assertThat(e.getPropertyName()).isEqualTo("to"));
    }
}

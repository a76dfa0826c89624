package dev.pulse.report.drill;

import dev.pulse.report.web.Parameters;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Which page of a drill-down list: bound as a {@code @ParameterObject}, each component as its
 * {@code @RequestParam} says (springdoc reads the record's fields, hence the defaults again in {@code @Parameter}).
 */
record Paging(
        @Parameter(schema = @Schema(type = "integer", format = "int32", defaultValue = "0"))
        @RequestParam(defaultValue = "0") int offset,
        @Parameter(schema = @Schema(type = "integer", format = "int32", defaultValue = "100"))
        @RequestParam(defaultValue = "100") int limit) {

    static final int MAX_LIMIT = 1_000;

    /** The first row wanted, refused with 400 when negative. */
    int checkedOffset() {
        return Parameters.between("offset", offset, 0, Integer.MAX_VALUE);
    }

    /** The page size, refused with 400 outside 1 to {@value #MAX_LIMIT}. */
    int checkedLimit() {
        return Parameters.limit(limit, MAX_LIMIT);
    }
}

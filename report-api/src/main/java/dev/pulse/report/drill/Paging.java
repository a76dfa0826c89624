package dev.pulse.report.drill;

import org.springframework.web.bind.annotation.RequestParam;

/** Which page of a drill-down list: bound as a {@code @ParameterObject}, each component as its {@code @RequestParam} says. */
record Paging(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
}

package dev.pulse.report.web;

import java.util.List;

/** The envelope of every list answer: {@code {"rows": [...]}}, so fields can be added beside rows later. */
public record Rows<T>(List<T> rows) {
}

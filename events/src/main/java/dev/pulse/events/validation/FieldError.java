package dev.pulse.events.validation;

/** One rule a submitted record broke: which record (0-based), which field, and why in plain words. */
public record FieldError(int index, String field, String message) {
}

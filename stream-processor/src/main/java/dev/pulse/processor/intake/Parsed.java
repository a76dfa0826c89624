package dev.pulse.processor.intake;

import dev.pulse.events.PoisonRecord;

/** A raw record after parsing: either a valid event or the poison record that explains why not. */
record Parsed<T>(T value, PoisonRecord poison) {

    boolean isValid() {
        return value != null;
    }
}

package dev.pulse.processor.duplicates;

import dev.pulse.events.FollowUp;
import dev.pulse.events.duplicates.DuplicateFlag;

/** A follow-up after the duplicate-entry check: {@code flag} is set when it repeats an earlier entry. */
record EntryCheck(FollowUp followUp, DuplicateFlag flag) {

    boolean isDuplicate() {
        return flag != null;
    }
}

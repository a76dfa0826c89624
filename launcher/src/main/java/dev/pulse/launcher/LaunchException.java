package dev.pulse.launcher;

/** A start-up failure the user can act on, told in one sentence instead of a stack trace. */
public class LaunchException extends RuntimeException {

    public LaunchException(String sentence) {
        super(sentence);
    }

    public LaunchException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}

package dev.pulse.ingest.pool;

/** The database that holds the pool and its claims does not answer: nothing is written (503). */
public class PoolCheckUnavailableException extends RuntimeException {

    PoolCheckUnavailableException(Throwable cause) {
        super("the pool's claim limit cannot be checked: " + cause.getMessage(), cause);
    }
}

package dev.pulse.processor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The service's topology with its default settings, in a {@link PulseDriver} started fresh for
 * every test (register it with {@code @RegisterExtension}): reports in Shanghai time, and each test
 * has its own application id and state directory, since stale local state silently doubles counts.
 */
public final class PulseDriverExtension implements BeforeEachCallback, AfterEachCallback {

    /** The reporting time zone: days, weeks and cohorts are cut at midnight here. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Instant validationNow;
    private final Instant wallClock;
    private Path stateDir;
    private PulseDriver driver;

    /**
     * @param validationNow the validators' clock: after every event a test sends, so that none of
     *                      them is "in the future"
     * @param wallClock     where the driver's mocked wall clock starts
     */
    public PulseDriverExtension(Instant validationNow, Instant wallClock) {
        this.validationNow = validationNow;
        this.wallClock = wallClock;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        stateDir = Files.createTempDirectory("pulse-state-");
        String applicationId = context.getRequiredTestClass().getSimpleName() + "-" + UUID.randomUUID();
        driver = PulseDriver.start(PulseDriver.topology(SHANGHAI, validationNow), applicationId, stateDir, wallClock);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        driver.close();
        try (Stream<Path> paths = Files.walk(stateDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The current test's driver. */
    public PulseDriver driver() {
        return driver;
    }
}

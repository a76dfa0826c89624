package dev.pulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 17, defect 7: no JVM warnings at start, and nothing JDK 21 would refuse to start with. */
class JvmOptionsTest {

    @Test
    void shouldGiveJdk21OnlyTheOptionItKnows() {
        assertThat(JvmOptions.quiet(21)).containsExactly("--enable-native-access=ALL-UNNAMED");
        assertThat(JvmOptions.quiet(22)).containsExactly("--enable-native-access=ALL-UNNAMED");
    }

    @Test
    void shouldAllowUnsafeMemoryAccessFromJdk23On() {
        assertThat(JvmOptions.quiet(23)).containsExactly("--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow");
        assertThat(JvmOptions.quiet(25)).isEqualTo(JvmOptions.quiet(23));
    }

    @Test
    void shouldSilenceTheUnsafeAndNativeAccessWarningsOfThisJdk() throws IOException, InterruptedException {
        // when: the probe runs with the options chosen for this very JDK
        Probe quiet = probe(JvmOptions.quiet());

        // then: it starts (no option unknown to this JDK) and says nothing on stderr
        assertThat(quiet.exit).as(quiet.output).isZero();
        assertThat(quiet.output).isEqualTo("probed\n");
        if (Runtime.version().feature() >= 24) {
            // and the probe is a real one: without the options this JDK warns about both uses
            Probe loud = probe(List.of());
            assertThat(loud.output).contains("sun.misc.Unsafe::invokeCleaner", "java.lang.System::loadLibrary");
        }
    }

    private record Probe(int exit, String output) {
    }

    private static Probe probe(List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        // surefire's class path is a manifest-only jar: give the probe's own directory
        String classes;
        try {
            classes = Path.of(WarningProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        command.addAll(List.of("-cp", classes, WarningProbe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Probe(process.waitFor(), output);
    }
}

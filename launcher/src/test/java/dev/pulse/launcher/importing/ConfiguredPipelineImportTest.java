package dev.pulse.launcher.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Pipeline;
import dev.pulse.events.Stage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, defect 5: {@code pulse import} validates with the pipeline the services are configured
 * with, read from the same configuration ingest reads, not with the default pipeline.
 */
class ConfiguredPipelineImportTest {

    /** A company's own pipeline: no QUALIFIED, PROPOSAL, QUOTE or CONTRACT, but INTAKE and DEMO. */
    private static final String INGEST_YML = """
            pulse:
              pipeline:
                stages:
                  - {code: INTAKE, order: 1, name-zh: 接洽, name-en: Intake, terminal: false}
                  - {code: DEMO, order: 2, name-zh: 演示, name-en: Demo, terminal: false}
                  - {code: SIGNED, order: 3, name-zh: 签约, name-en: Signed, terminal: true}
                  - {code: LOST, order: 0, name-zh: 流失, name-en: Lost, terminal: true}
              ingest:
                allowed-clock-skew: PT2M
            """;

    /** Rows 2 and 3 use the company's stages, row 4 a stage only the default pipeline has (Chinese headers: Chinese output). */
    private static final String SHEET = """
            客户姓名,联系方式,跟进时间,跟进方式,跟进内容,客户状态,负责人
            周杰,13600136000,2025-10-12 10:00,电话,首次电话,接洽,王芳
            谢娜,13500135000,2025-10-13 10:00,拜访,上门演示,DEMO,王芳
            孙俪,13400134000,2025-10-14 10:00,电话,报价,QUOTE,王芳
            """;

    @TempDir
    Path dir;

    @Test
    void shouldImportWithThePipelineOfTheServicesConfigurationFile() throws IOException {
        // given: ingest.yml where ./pulse run starts the services (the script passes that directory)
        Path home = Files.createDirectories(dir.resolve("pulse-home"));
        Files.writeString(home.resolve("ingest.yml"), INGEST_YML);

        // when
        Run run = dryRun(Map.of("PULSE_HOME", home.toString()));

        // then: the company's stages pass, the default pipeline's QUOTE is refused as ingest would refuse it
        assertThat(run.out).contains("读取 3 行，接受 2 行，拒绝 1 行")
                .contains("第 4 行，客户状态：客户状态只能是以下之一：[INTAKE, DEMO, SIGNED, LOST]");
        assertThat(run.exit).isEqualTo(1);
    }

    @Test
    void shouldImportWithThePipelineOfTheEnvironmentVariablesTheServicesRead() throws IOException {
        // given: the pipeline as environment variables (relaxed binding, as in docker-compose)
        Map<String, String> env = new HashMap<>(Map.of("PULSE_HOME", dir.toString()));
        String[][] stages = {{"INTAKE", "1", "false"}, {"DEMO", "2", "false"}, {"SIGNED", "3", "true"}, {"LOST", "0", "true"}};
        for (int i = 0; i < stages.length; i++) {
            env.put("PULSE_PIPELINE_STAGES_" + i + "_CODE", stages[i][0]);
            env.put("PULSE_PIPELINE_STAGES_" + i + "_ORDER", stages[i][1]);
            env.put("PULSE_PIPELINE_STAGES_" + i + "_NAMEZH", stages[i][0]);
            env.put("PULSE_PIPELINE_STAGES_" + i + "_NAMEEN", stages[i][0]);
            env.put("PULSE_PIPELINE_STAGES_" + i + "_TERMINAL", stages[i][2]);
        }

        // when: 接洽 is no name of this pipeline's, so row 2 is refused too
        Run run = dryRun(env);

        // then
        assertThat(run.out).contains("读取 3 行，接受 1 行，拒绝 2 行")
                .contains("第 2 行，客户状态：“接洽”不是客户状态")
                .contains("第 4 行，客户状态：客户状态只能是以下之一：[INTAKE, DEMO, SIGNED, LOST]");
    }

    @Test
    void shouldImportWithTheDefaultPipelineWhenNoneIsConfigured() throws IOException {
        // when: nothing configured, as for the services
        Run run = dryRun(Map.of("PULSE_HOME", dir.toString()));

        // then: DESIGN.md's pipeline: QUOTE passes, 接洽 and DEMO are no stages
        assertThat(run.out).contains("读取 3 行，接受 1 行，拒绝 2 行").contains("第 3 行，客户状态：“DEMO”不是客户状态");
        assertThat(IngestRules.read(Map.of(), dir)).isEqualTo(new IngestRules(Pipeline.defaults(), Duration.ofMinutes(5)));
    }

    @Test
    void shouldReadTheSkewAndTheStagesWithTheirNamesAndTerminalFlags() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config").resolve("ingest.yml"), INGEST_YML);

        IngestRules rules = IngestRules.read(Map.of(), dir);

        assertThat(rules.allowedClockSkew()).isEqualTo(Duration.ofMinutes(2));
        assertThat(rules.pipeline().stages()).containsExactly(new Stage("INTAKE", 1, "接洽", "Intake", false),
                new Stage("DEMO", 2, "演示", "Demo", false), new Stage("SIGNED", 3, "签约", "Signed", true),
                new Stage("LOST", 0, "流失", "Lost", true));
    }

    @Test
    void shouldRefuseToImportWithAPipelineThatCannotBeUsed() throws IOException {
        Files.writeString(dir.resolve("ingest.yml"), """
                pulse.pipeline.stages:
                  - {code: A, order: 1, name-zh: A, name-en: A, terminal: false}
                  - {code: A, order: 2, name-zh: B, name-en: B, terminal: false}
                """);

        Run run = dryRun(Map.of("PULSE_HOME", dir.toString()));

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).startsWith("pulse import: ingest's configuration (pulse.pipeline.stages,"
                + " pulse.ingest.allowed-clock-skew) cannot be used: stage codes must be unique");
    }

    private record Run(int exit, String out, String err) {
    }

    private Run dryRun(Map<String, String> env) throws IOException {
        Path sheet = Files.writeString(dir.resolve("sheet.csv"), SHEET, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ImportCommand.run(new String[] {sheet.toString(), "--dry-run"}, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

package dev.pulse.launcher.importing;

import dev.pulse.events.Pipeline;
import dev.pulse.events.Stage;
import dev.pulse.events.validation.TimeRules;
import dev.pulse.importer.Importer;
import dev.pulse.ingest.IngestApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The rules ingest validates with, read the way ingest reads them, so that {@code pulse import}
 * refuses exactly what ingest would refuse: the pipeline ({@code pulse.pipeline.stages}) and the
 * clock skew ({@code pulse.ingest.allowed-clock-skew}) from Spring Boot's configuration under
 * ingest's name: {@code ingest.yml} on the classpath, then {@code ingest.yml} or
 * {@code config/ingest.yml} in the directory the services run in, then system properties and
 * environment variables ({@code PULSE_PIPELINE_STAGES_0_CODE=LEAD}, ...), profiles included.
 *
 * @param pipeline         the configured pipeline, DESIGN.md's when none is configured
 * @param allowedClockSkew how far in the future an event time may lie
 */
record IngestRules(Pipeline pipeline, Duration allowedClockSkew) {


    /**
     * @param env         the environment variables (the services see the same ones)
     * @param servicesDir the directory {@code ./pulse run} starts the services in: their
     *                    {@code ./ingest.yml} and {@code ./config/} are relative to it
     * @throws IllegalArgumentException when the configured pipeline cannot be used
     */
    static IngestRules read(Map<String, String> env, Path servicesDir) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new HashMap<>(env)));
        // What IngestApplication sets as defaults, with Spring Boot's default locations rooted where
        // the services run instead of where the import was typed; spring.config.* given by the user win.
        String dir = "file:" + servicesDir.toAbsolutePath().normalize() + "/";
        environment.getPropertySources().addLast(new MapPropertySource("defaultProperties", Map.of(
                "spring.config.name", IngestApplication.CONFIG_NAME,
                "spring.config.location", "optional:classpath:/,optional:classpath:/config/,optional:" + dir
                        + ",optional:" + dir + "config/,optional:" + dir + "config/*/")));
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        Binder binder = Binder.get(environment);
        List<Stage> stages = binder.bind("pulse.pipeline.stages", Bindable.listOf(Stage.class)).orElse(List.of());
        Duration skew = binder.bind(TimeRules.CLOCK_SKEW_PROPERTY, Duration.class).orElse(TimeRules.DEFAULT_CLOCK_SKEW);
        return new IngestRules(Pipeline.ofConfigured(stages), skew);
    }

    Importer importer() {
        return Importer.withIngestRules(pipeline, allowedClockSkew);
    }
}

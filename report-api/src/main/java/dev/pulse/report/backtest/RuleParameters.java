package dev.pulse.report.backtest;

import dev.pulse.events.Pipeline;
import dev.pulse.events.Stage;
import dev.pulse.events.alerts.Ladder;
import dev.pulse.events.alerts.StaleThresholds;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.web.BadRequestException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the proposed rules from the query: {@code stale=LEAD:P14D,QUOTE:PT36H} (a stage left out
 * never goes stale) and {@code ladder=LEAD:P3D/P7D,PROPOSAL:/P10D} (the {@code PULSE_LADDER}
 * setting; empty for no ladder). Every wait is an ISO-8601 duration between one hour and a year,
 * every stage a stage of the pipeline that is not terminal; anything else is a 400 naming the
 * parameter, in the caller's language.
 */
final class RuleParameters {

    static final Duration SHORTEST = Duration.ofHours(1);
    static final Duration LONGEST = Duration.ofDays(365);
    private static final int ECHOED = 40;

    private RuleParameters() {
    }

    /** @param stale null for the current thresholds; @param ladder null for the current ladder */
    static BacktestRules read(String stale, String ladder, boolean overdue, BacktestRules current, Pipeline pipeline) {
        StaleThresholds thresholds = stale == null ? current.thresholds()
                : new StaleThresholds(thresholds(stale, pipeline), pipeline);
        return new BacktestRules(thresholds, ladder == null ? current.ladder() : ladder(ladder, pipeline), overdue);
    }

    private static Map<String, Duration> thresholds(String setting, Pipeline pipeline) {
        Map<String, Duration> thresholds = new LinkedHashMap<>();
        for (String entry : entries(setting)) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new BadRequestException(MessageCode.NOT_A_RULE, "stale", echo(entry), "STAGE:DURATION (LEAD:P14D)");
            }
            String stage = stage("stale", entry.substring(0, colon), pipeline);
            if (thresholds.put(stage, duration("stale", entry.substring(colon + 1))) != null) {
                throw new BadRequestException(MessageCode.STAGE_GIVEN_TWICE, "stale", stage);
            }
        }
        return thresholds;
    }

    /** Checks each part, then reads the setting with the processor's own parser. */
    private static Ladder ladder(String setting, Pipeline pipeline) {
        StringBuilder checked = new StringBuilder();
        List<String> stages = new ArrayList<>();
        for (String entry : entries(setting)) {
            int colon = entry.indexOf(':');
            int slash = entry.indexOf('/', Math.max(colon, 0));
            if (colon <= 0 || slash < 0 || (entry.substring(colon + 1, slash).isBlank() && entry.substring(slash + 1).isBlank())) {
                throw new BadRequestException(MessageCode.NOT_A_RULE, "ladder", echo(entry),
                        "STAGE:MANAGER/RELEASE (LEAD:P3D/P7D, PROPOSAL:/P10D)");
            }
            String stage = stage("ladder", entry.substring(0, colon), pipeline);
            if (stages.contains(stage)) {
                throw new BadRequestException(MessageCode.STAGE_GIVEN_TWICE, "ladder", stage);
            }
            stages.add(stage);
            checked.append(checked.isEmpty() ? "" : ",").append(stage).append(':')
                    .append(optionalDuration(entry.substring(colon + 1, slash))).append('/')
                    .append(optionalDuration(entry.substring(slash + 1)));
        }
        return Ladder.parse(checked.toString());
    }

    private static List<String> entries(String setting) {
        return Arrays.stream(setting.split(",")).map(String::strip).filter(e -> !e.isEmpty()).toList();
    }

    private static String stage(String parameter, String text, Pipeline pipeline) {
        String stage = text.strip().toUpperCase(Locale.ROOT);
        List<String> open = pipeline.stages().stream().filter(s -> !s.terminal()).map(Stage::code).toList();
        if (!open.contains(stage)) {
            throw new BadRequestException(MessageCode.PARAMETER_NOT_ONE_OF, parameter, String.join(", ", open), echo(text));
        }
        return stage;
    }

    private static String optionalDuration(String text) {
        return text.isBlank() ? "" : duration("ladder", text).toString();
    }

    private static Duration duration(String parameter, String text) {
        Duration wait;
        try {
            wait = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new BadRequestException(MessageCode.NOT_A_DURATION, parameter, echo(text));
        }
        if (wait.compareTo(SHORTEST) < 0 || wait.compareTo(LONGEST) > 0) {
            throw new BadRequestException(MessageCode.PARAMETER_OUT_OF_RANGE, parameter + " " + echo(text), "PT1H", "P365D");
        }
        return wait;
    }

    /** The caller's own text, cut short: an answer never repeats kilobytes of input. */
    private static String echo(String text) {
        String stripped = text.strip();
        return stripped.length() <= ECHOED ? stripped : stripped.substring(0, ECHOED) + "…";
    }
}

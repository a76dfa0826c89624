package dev.pulse.events;

import java.util.List;
import java.util.Optional;

/** The ordered stages a customer moves through. Codes are stable; names and order are configuration. */
public record Pipeline(List<Stage> stages) {

    public static final String LOST = "LOST";

    /** The default pipeline of DESIGN.md. */
    public static Pipeline defaults() {
        return new Pipeline(List.of(
                new Stage("LEAD", 1, "潜在客户", "Lead", false),
                new Stage("QUALIFIED", 2, "意向客户", "Qualified", false),
                new Stage("PROPOSAL", 3, "方案制定", "Proposal", false),
                new Stage("QUOTE", 4, "报价", "Quote", false),
                new Stage("CONTRACT", 5, "合同签署", "Contract", false),
                new Stage("WON", 6, "成交", "Won", true),
                new Stage(LOST, 0, "流失", "Lost", true)));
    }

    public Pipeline {
        stages = List.copyOf(stages);
        if (stages.stream().map(Stage::code).distinct().count() != stages.size()) {
            throw new IllegalArgumentException("stage codes must be unique: " + stages);
        }
        List<Integer> orders = stages.stream().filter(s -> !s.isLost()).map(Stage::order).toList();
        if (orders.stream().distinct().count() != orders.size() || orders.stream().anyMatch(o -> o < 0)) {
            throw new IllegalArgumentException("forward stages need distinct positive orders (0 is LOST): " + stages);
        }
    }

    /** The configured stages, or the default pipeline when none are configured. */
    public static Pipeline ofConfigured(List<Stage> stages) {
        return stages == null || stages.isEmpty() ? defaults() : new Pipeline(stages);
    }

    /** A scan of a handful of stages: called for every step of every journey, so no map is built per call. */
    public Optional<Stage> find(String code) {
        for (Stage stage : stages) {
            if (stage.code().equals(code)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    public boolean contains(String code) {
        return code != null && find(code).isPresent();
    }
}

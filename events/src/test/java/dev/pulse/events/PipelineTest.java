package dev.pulse.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {

    @Test
    void shouldFallBackToTheDesignPipelineWhenNothingIsConfigured() {
        assertThat(Pipeline.ofConfigured(null)).isEqualTo(Pipeline.defaults());
        assertThat(Pipeline.ofConfigured(List.of()).stages()).extracting(Stage::code)
                .containsExactly("LEAD", "QUALIFIED", "PROPOSAL", "QUOTE", "CONTRACT", "WON", "LOST");
    }

    @Test
    void shouldTakeAConfiguredPipelineWithItsOwnStagesAndNames() {
        Pipeline pipeline = Pipeline.ofConfigured(List.of(new Stage("LEAD", 1, "线索", "Lead", false),
                new Stage("DEMO", 2, "演示", "Demo", false), new Stage("WON", 3, "成交", "Won", true),
                new Stage("LOST", 0, "流失", "Lost", true)));
        assertThat(pipeline.contains("DEMO")).isTrue();
        assertThat(pipeline.contains("QUOTE")).isFalse();
        assertThat(pipeline.find("DEMO").orElseThrow().nameZh()).isEqualTo("演示");
    }

    @Test
    void shouldRefuseDuplicateCodesOrOrders() {
        assertThatThrownBy(() -> new Pipeline(List.of(new Stage("LEAD", 1, "a", "a", false),
                new Stage("LEAD", 2, "b", "b", false)))).hasMessageStartingWith("stage codes must be unique");
        assertThatThrownBy(() -> new Pipeline(List.of(new Stage("LEAD", 1, "a", "a", false),
                new Stage("DEMO", 1, "b", "b", false)))).hasMessageStartingWith("forward stages need distinct positive orders");
    }
}

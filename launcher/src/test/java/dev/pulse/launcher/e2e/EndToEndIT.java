package dev.pulse.launcher.e2e;

import dev.pulse.events.TopicNames;
import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The activity scenario on the embedded KRaft broker and embedded PostgreSQL (no Docker needed). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT extends ActivityScenario {

    private static StackSettings settings;
    private static PulseStack stack;
    private static PulseClient client;

    @BeforeAll
    static void startPulse() {
        settings = EmbeddedStack.settingsFor("e2e");
        stack = EmbeddedStack.start(settings);
        client = new PulseClient(stack.ingestPort(), stack.reportPort());
    }

    @AfterAll
    static void stopPulse() {
        stack.close();
    }

    @Override
    protected PulseClient client() {
        return client;
    }

    @Override
    protected String bootstrapServers() {
        return settings.kafkaBootstrap();
    }

    @Override
    protected TopicNames topics() {
        return settings.topics();
    }

    @Test
    @Order(1)
    void shouldCountEachFollowUpOnceInItsShanghaiDay() {
        postScenario();
        assertDailyRows();
    }

    @Test
    @Order(2)
    void shouldRollUpIntoIsoWeeksMonthsAndTeams() {
        assertWeeksMonthsTeamsAndFilters();
    }

    @Test
    @Order(3)
    void shouldServeSummaryAndDrillDownFromTheFactTables() {
        assertSummaryAndDrillDown();
    }

    @Test
    @Order(4)
    void shouldRouteAPoisonRecordToTheErrorTopicAndKeepRunning() {
        assertPoisonWentToErrorTopic();
    }

    @Test
    @Order(5)
    void shouldWriteNothingOfARejectedRequest() {
        assertRejectedBatchWritesNothing();
    }
}

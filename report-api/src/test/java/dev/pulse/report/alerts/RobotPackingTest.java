package dev.pulse.report.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RobotPackingTest {

    private static Deliveries.Row row(int i, String text) {
        return new Deliveries.Row(new UUID(0, i), "OPEN", "https://robot", WebhookFormat.WECOM, "{}",
                new RobotMessage("title " + i, text, List.of(), List.of("user" + (i % 2))), 0);
    }

    @Test
    void shouldSendRowsAloneWhileTheRobotHasRoomAndMergeThemWhenTheyPileUp() {
        List<Deliveries.Row> rows = IntStream.range(0, 30).mapToObj(i -> row(i, "x".repeat(300))).toList();

        // 30 rows with room for 30: one message each
        assertThat(Deliveries.plan("https://robot", WebhookFormat.WECOM, rows, 30)).hasSize(30);

        // room for 2: merged by size (WeCom 2000 bytes: 5 parts of about 320 bytes), the oldest first
        List<Deliveries.Send> merged = Deliveries.plan("https://robot", WebhookFormat.WECOM, rows, 2);
        assertThat(merged).hasSize(2);
        assertThat(merged.get(0).rows()).extracting(Deliveries.Row::messageId)
                .containsExactly(IntStream.range(0, 5).mapToObj(i -> new UUID(0, i)).toArray(UUID[]::new));
        RobotMessage message = RobotPacking.merged(merged.get(0).rows().stream().map(Deliveries.Row::message).toList(), 2000);
        assertThat(message.title()).isEqualTo("5 条提醒 alerts");
        assertThat(message.userIds()).containsExactly("user0", "user1");
        assertThat(message.bytes()).isLessThanOrEqualTo(2000);

        // no room: nothing now
        assertThat(Deliveries.plan("https://robot", WebhookFormat.WECOM, rows, 0)).isEmpty();
    }

    @Test
    void shouldShortenByWholeLinesAndCountTheOnesLeftOut() {
        String text = String.join("\n", IntStream.range(0, 100).mapToObj(i -> "line " + i + " " + "y".repeat(40)).toList());

        RobotMessage shortened = RobotPacking.shortened(new RobotMessage("t", text, List.of(), List.of()), 1000);

        assertThat(shortened.bytes()).isLessThanOrEqualTo(1000);
        long kept = shortened.text().lines().filter(line -> line.startsWith("line ")).count();
        assertThat(shortened.text()).endsWith("另有 " + (100 - kept) + " 行未显示 (" + (100 - kept) + " more lines not shown)");
    }
}

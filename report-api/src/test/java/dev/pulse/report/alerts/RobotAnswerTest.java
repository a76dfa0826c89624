package dev.pulse.report.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RobotAnswerTest {

    @Test
    void shouldCountOnlyErrcodeZeroAsDeliveredForWeComAndDingTalk() {
        assertThat(RobotAnswer.of(WebhookFormat.WECOM, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}")).isEqualTo(RobotAnswer.DELIVERED);
        assertThat(RobotAnswer.of(WebhookFormat.DINGTALK, 200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"))
                .isEqualTo(new RobotAnswer(RobotAnswer.Verdict.FAILED, "errcode 310000 sign not match"));
        assertThat(RobotAnswer.of(WebhookFormat.WECOM, 200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}").verdict())
                .isEqualTo(RobotAnswer.Verdict.RATE_LIMITED);
        assertThat(RobotAnswer.of(WebhookFormat.DINGTALK, 200, "{\"errcode\":130101,\"errmsg\":\"send too fast\"}").verdict())
                .isEqualTo(RobotAnswer.Verdict.RATE_LIMITED);
    }

    @Test
    void shouldReadFeishusCodeAndItsOlderStatusCode() {
        assertThat(RobotAnswer.of(WebhookFormat.FEISHU, 200, "{\"code\":0,\"msg\":\"success\",\"data\":{}}")).isEqualTo(RobotAnswer.DELIVERED);
        assertThat(RobotAnswer.of(WebhookFormat.FEISHU, 200, "{\"StatusCode\":0,\"StatusMessage\":\"success\"}"))
                .isEqualTo(RobotAnswer.DELIVERED);
        assertThat(RobotAnswer.of(WebhookFormat.FEISHU, 200, "{\"code\":19021,\"msg\":\"sign match fail\"}"))
                .isEqualTo(new RobotAnswer(RobotAnswer.Verdict.FAILED, "code 19021 sign match fail"));
        assertThat(RobotAnswer.of(WebhookFormat.FEISHU, 200, "{\"code\":11232,\"msg\":\"frequency limited\"}").verdict())
                .isEqualTo(RobotAnswer.Verdict.RATE_LIMITED);
    }

    @Test
    void shouldTreatAnEmptyOrForeignAnswerFromARobotAsAFailureButAcceptAnyTwoHundredFromAGenericReceiver() {
        assertThat(RobotAnswer.of(WebhookFormat.WECOM, 200, "").verdict()).isEqualTo(RobotAnswer.Verdict.FAILED);
        assertThat(RobotAnswer.of(WebhookFormat.WECOM, 200, "<html>proxy</html>").verdict()).isEqualTo(RobotAnswer.Verdict.FAILED);
        assertThat(RobotAnswer.of(WebhookFormat.DINGTALK, 503, "{\"errcode\":0}").error()).isEqualTo("HTTP 503");
        assertThat(RobotAnswer.of(WebhookFormat.GENERIC, 204, "")).isEqualTo(RobotAnswer.DELIVERED);
    }
}

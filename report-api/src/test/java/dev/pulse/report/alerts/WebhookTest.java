package dev.pulse.report.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebhookTest {

    @Test
    void shouldTakeTheSigningSecretFromTheFragmentAndKeepItOutOfTheUrlAndToString() {
        Webhook webhook = Webhook.parse("dingtalk=https://oapi.dingtalk.com/robot/send?access_token=abc#secret=SEC123");

        assertThat(webhook.url()).isEqualTo(URI.create("https://oapi.dingtalk.com/robot/send?access_token=abc"));
        assertThat(webhook.format()).isEqualTo(WebhookFormat.DINGTALK);
        assertThat(webhook.secret()).isEqualTo("SEC123");
        assertThat(webhook.toString()).doesNotContain("SEC123");
    }

    @Test
    void shouldKeepTheFormerSyntaxAndRefuseOtherFragments() {
        assertThat(Webhook.parse("https://hooks.example.com/pulse")).isEqualTo(
                new Webhook(URI.create("https://hooks.example.com/pulse"), WebhookFormat.GENERIC, null));
        assertThatThrownBy(() -> Webhook.parse("feishu=https://open.feishu.cn/hook/x#sign=1"))
                .hasMessageContaining("#secret=SECRET");
        assertThatThrownBy(() -> Webhook.parse("wecom=ftp://x")).hasMessageContaining("not an http(s) URL");
    }

    @Test
    void shouldMaskTheRobotsKeyWhereverItIs() {
        assertThat(FailedDelivery.masked("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx"))
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***");
        assertThat(FailedDelivery.masked("https://open.feishu.cn/open-apis/bot/v2/hook/0d7a5b4e-9c1f-4b6e-a1b2-3c4d5e6f7a8b"))
                .isEqualTo("https://open.feishu.cn/open-apis/bot/v2/hook/0d7a***");
    }
}

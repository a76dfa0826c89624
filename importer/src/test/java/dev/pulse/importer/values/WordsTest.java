package dev.pulse.importer.values;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Channel;
import dev.pulse.events.Pipeline;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordsTest {

    private final StageWords stages = new StageWords(Pipeline.defaults(), Map.of("Engaging", "QUALIFIED"));
    private final ChannelWords channels = new ChannelWords(Map.of("短信", "PHONE"));

    @ParameterizedTest
    @CsvSource({
            "潜在, LEAD", "潜在客户, LEAD", "Lead, LEAD", "prospect, LEAD",
            "意向, QUALIFIED", "意向客户（需求确认）, QUALIFIED", "qualified, QUALIFIED", "Engaging, QUALIFIED",
            "方案, PROPOSAL", "方案制定, PROPOSAL", "Proposal, PROPOSAL",
            "报价, QUOTE", "已报价, QUOTE", "Quotation, QUOTE",
            "合同, CONTRACT", "合同签署, CONTRACT", "contract, CONTRACT",
            "成交, WON", "已成交, WON", "Closed Won, WON", "won, WON",
            "流失, LOST", "丢单, LOST", "Closed-Lost, LOST", "LOST, LOST"})
    void shouldKnowTheUsualStageWords(String word, String code) {
        assertThat(stages.code(word)).isEqualTo(code);
    }

    @Test
    void shouldNotGuessAStageFromAnUnknownWord() {
        assertThat(stages.code("考虑中")).isNull();
        assertThat(stages.code("maybe later")).isNull();
    }

    @ParameterizedTest
    @CsvSource({"电话, PHONE", "电话沟通, PHONE", "微信, WECHAT", "企业微信, WECHAT", "邮件, EMAIL", "E-mail, EMAIL",
            "视频会议, MEETING", "上门拜访, VISIT", "visit, VISIT", "短信, PHONE", "展会, OTHER"})
    void shouldKnowTheUsualChannelWords(String word, Channel channel) {
        assertThat(channels.channel(word)).isEqualTo(channel);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "13800138000        | phone  | 13800138000",
            "+86 138-0013-8000  | phone  | +86 138-0013-8000",
            "Li.Na@Example.com  | email  | Li.Na@Example.com",
            "微信：zhaomin88     | wechat | zhaomin88",
            "WeChat: li_na      | wechat | li_na",
            "电话:021-55551234  | phone  | 021-55551234",
            "wxid_abc123        | wechat | wxid_abc123"})
    void shouldSortAContactCellIntoItsField(String cell, String field, String value) {
        assertThat(Contact.of(cell)).isEqualTo(new Contact(field, value));
    }

    @Test
    void shouldDeriveOneCustomerIdFromOnePhoneWrittenTwoWays() {
        String plain = Ids.customerId("13800138000", "", "");
        assertThat(plain).matches("C-[0-9a-f]{16}");
        assertThat(Ids.customerId("+86 138-0013-8000", null, "wx")).isEqualTo(plain);
        assertThat(Ids.customerId("13700137000", "", "")).isNotEqualTo(plain);
        assertThat(Ids.customerId("", " Li.Na@Example.com ", "")).isEqualTo(Ids.customerId(null, "li.na@example.com", null));
        assertThat(Ids.customerId("", "", "")).isNull();
    }
}

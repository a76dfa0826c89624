package dev.pulse.importer.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Json;
import dev.pulse.events.messages.Message;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.events.validation.FieldError;
import dev.pulse.events.validation.FollowUpValidator;
import dev.pulse.events.validation.SaleValidator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Issue 17, defect 4: every reason a row is rejected for has a stable code of the shared catalogue and a Chinese text. */
class ReasonsTest {

    @Test
    void shouldGiveEveryReasonTheValidatorsGiveACodeAndAChineseText() {
        // given: follow-ups and sales broken in every way the validators name
        List<FieldError> errors = new ArrayList<>();
        FollowUpValidator followUps = FollowUpValidator.withDefaults();
        SaleValidator sales = SaleValidator.withDefaults();
        errors.addAll(followUps.validate(followUp().put("stage", "LOST").put("phone", "call me").put("email", "x")
                .put("level", "Z").put("channel", "FAX").put("occurredAt", "2099-01-01T00:00:00Z")
                .put("customerName", "x".repeat(300)).put("result", "a\u0001b").put("repId", "a\u202Eb"), 0).errors());
        ObjectNode noContact = followUp();
        noContact.remove(List.of("phone", "content"));
        errors.addAll(followUps.validate(noContact.put("occurredAt", "1980-01-01T00:00:00Z"), 0).errors());
        errors.addAll(followUps.validate(followUp().put("nextFollowUpAt", "2025-01-01T00:00:00Z"), 0).errors());
        errors.addAll(followUps.validate(followUp().put("nextFollowUpAt", "2045-01-01T00:00:00Z"), 0).errors());
        errors.addAll(followUps.validate(followUp().put("occurredAt", "yesterday").put("eventId", "x").put("content", 5), 0)
                .errors());
        ObjectNode tags = followUp();
        tags.putArray("tags").add(" ");
        errors.addAll(followUps.validate(tags, 0).errors());
        errors.addAll(sales.validate(Json.MAPPER.createObjectNode().put("orderId", "SO-1").put("customerId", "c")
                .put("repId", "r").put("amount", "-5").put("currency", "RMB").put("occurredAt", "2025-10-01T00:00:00Z"), 0)
                .errors());
        assertThat(errors).extracting(FieldError::message).contains("is required", "is required when stage is LOST",
                "must be A, B or C", "must be an email address", "must not be before 1990-01-01", "must be after occurredAt");

        // then: the validator's own message and the same words read back from English (as ingest answers
        // them) give the same code and Chinese text
        for (FieldError error : errors) {
            Reason reason = Reasons.of(error.reason());
            assertThat(reason.en()).isEqualTo(error.field() + " " + error.message());
            assertThat(reason.code()).isEqualTo(error.code()).startsWith("PULSE-V");
            assertThat(reason.zh()).as(reason.code()).isNotEqualTo(reason.en())
                    .matches(text -> text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
            assertThat(Reasons.of(reason.en())).as(reason.en()).isEqualTo(reason);
        }
    }

    @Test
    void shouldTranslateTheImportersOwnReasonsWithTheirValues() {
        String notAStage = "'考虑中' is not a stage: use 潜在, 意向, 方案, 报价, 合同, 成交, 流失 or a stage code such as QUALIFIED";
        assertThat(Reasons.of(notAStage)).isEqualTo(new Reason("PULSE-R002", notAStage,
                "“考虑中”不是客户状态：请填 潜在, 意向, 方案, 报价, 合同, 成交, 流失 或阶段代码（如 QUALIFIED）"));
        assertThat(Reasons.of("is not a real date or time: 2025-13-45").zh()).isEqualTo("不是存在的日期或时间：2025-13-45");
        assertThat(Reasons.of("is not a date: soon (use 2026-11-03 14:05, 2026/11/3 14:05, 2026年11月3日 or an Excel date)").zh())
                .isEqualTo("不是日期：soon（可写 2026-11-03 14:05、2026/11/3 14:05、2026年11月3日 或 Excel 日期）");
        assertThat(Reasons.of("is not a date: 3000000")).extracting(Reason::code, Reason::zh)
                .containsExactly("PULSE-R006", "不是日期：3000000");
        assertThat(Reasons.of("'12元五角' is not an amount")).extracting(Reason::code, Reason::zh)
                .containsExactly("PULSE-R003", "“12元五角”不是金额");
        assertThat(Reasons.of("content is required")).extracting(Reason::code, Reason::zh)
                .containsExactly("PULSE-V001", "跟进内容必填");
        assertThat(Reasons.of("phone at least one of phone, email or wechat is required").zh()).isEqualTo("电话、邮箱、微信至少填一项");
        assertThat(Reasons.of(Message.of(MessageCode.NO_CUSTOMER_ID))).isEqualTo(new Reason("PULSE-R001",
                "no customer id, and no phone, email or WeChat to derive one from", "没有客户ID，也没有可生成客户ID的电话、邮箱或微信"));
    }

    @Test
    void shouldKeepIngestsRefusalsCodedAndAnUnknownReasonReadable() {
        assertThat(Reasons.of("refused by ingest: stage must be one of [LEAD]")).isEqualTo(new Reason("PULSE-V007",
                "refused by ingest: stage must be one of [LEAD]", "被 ingest 拒绝：客户状态只能是以下之一：[LEAD]"));
        assertThat(Reasons.of("something new")).isEqualTo(new Reason(Reasons.OTHER, "something new", "something new"));
        assertThat(new Problem(3, "联系方式", "email must be an email address"))
                .isEqualTo(new Problem(3, "联系方式", "email must be an email address", "PULSE-V017", "邮箱格式不对"));
    }

    /** A valid follow-up to break. */
    private static ObjectNode followUp() {
        return Json.MAPPER.createObjectNode().put("customerId", "c").put("customerName", "客户").put("phone", "13800138000")
                .put("repId", "r").put("teamId", "t").put("occurredAt", "2025-10-12T02:00:00Z").put("channel", "PHONE")
                .put("content", "首次电话").put("stage", "LEAD");
    }
}

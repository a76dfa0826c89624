package dev.pulse.importer.convert;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every reason a row can be rejected for, with a stable code and a Chinese text beside the English
 * one, so that a Chinese sheet gets its rejected rows explained in Chinese. The reasons are
 * recognised by their English text: the importer's own and those of the validators in
 * {@code events} that ingest also gives, whose wording is their contract. A text not in the
 * catalogue keeps its English words in both languages under the code {@code OTHER}.
 */
public final class Reasons {

    /** The code of a reason the catalogue does not know. */
    public static final String OTHER = "OTHER";

    /** The Chinese names of the event's fields, as the usual sheet headers call them. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("eventId", "事件ID"), Map.entry("customerId", "客户ID"), Map.entry("customerName", "客户姓名"),
            Map.entry("phone", "电话"), Map.entry("email", "邮箱"), Map.entry("wechat", "微信"),
            Map.entry("company", "公司名称"), Map.entry("position", "职位"), Map.entry("repId", "负责人"),
            Map.entry("repName", "负责人姓名"), Map.entry("teamId", "团队"), Map.entry("occurredAt", "时间"),
            Map.entry("channel", "跟进方式"), Map.entry("content", "跟进内容"), Map.entry("stage", "客户状态"),
            Map.entry("result", "跟进结果"), Map.entry("nextFollowUpAt", "下次跟进时间"), Map.entry("lostReason", "流失原因"),
            Map.entry("tags", "客户标签"), Map.entry("level", "客户等级"), Map.entry("source", "来源渠道"),
            Map.entry("orderId", "订单编号"), Map.entry("product", "产品/服务"), Map.entry("amount", "成交金额"),
            Map.entry("currency", "币种"), Map.entry("paymentMethod", "付款方式"), Map.entry("shippingStatus", "发货状态"));

    private record Entry(String code, Pattern english, Function<Matcher, String> chinese) {
    }

    private static final List<Entry> CATALOGUE = List.of(
            // the importer's own
            entry("NO_CUSTOMER_ID", "no customer id, and no phone, email or WeChat to derive one from",
                    m -> "没有客户ID，也没有可生成客户ID的电话、邮箱或微信"),
            entry("NOT_A_STAGE", "'(.*)' is not a stage: .*",
                    m -> "“" + m.group(1) + "”不是客户状态：请填 潜在、意向、方案、报价、合同、成交、流失 或阶段代码（如 QUALIFIED）"),
            entry("NOT_AN_AMOUNT", "'(.*)' is not an amount", m -> "“" + m.group(1) + "”不是金额"),
            entry("NOT_A_REAL_DATE", "is not a real date or time: (.*)", m -> "不是存在的日期或时间：" + m.group(1)),
            entry("NOT_A_DATE", "is not a date: (.*?)(?: \\(use .*\\))?",
                    m -> "不是日期：" + m.group(1) + "（可写 2026-11-03 14:05、2026/11/3 14:05、2026年11月3日 或 Excel 日期）"),
            entry("LOST_WITHOUT_CONTENT", "content is required; for a lost customer it is also the lost reason when (.*),"
                    + " (.*) and (.*) are empty", m -> "跟进内容必填；流失客户的" + m.group(1) + "、" + m.group(2) + "、"
                    + m.group(3) + "都为空时，跟进内容就是流失原因"),
            // the validators' (ingest gives the same), "field message"
            entry("LOST_REASON_REQUIRED", "lostReason is required when stage is LOST", m -> "客户状态为流失时，流失原因必填"),
            entry("CONTACT_REQUIRED", "phone at least one of phone, email or wechat is required", m -> "电话、邮箱、微信至少填一项"),
            entry("REQUIRED", "(\\w+) is required", m -> field(m) + "必填"),
            entry("ONE_OF", "(\\w+) must be one of (.*)", m -> field(m) + "只能是以下之一：" + m.group(2)),
            entry("TOO_LONG", "(\\w+) must be at most (\\d+) characters", m -> field(m) + "最多 " + m.group(2) + " 个字符"),
            entry("TOO_FAR_AHEAD", "nextFollowUpAt must be at most (\\d+) years after occurredAt",
                    m -> "下次跟进时间最多在跟进时间之后 " + m.group(1) + " 年"),
            entry("NOT_AFTER_OCCURRED", "nextFollowUpAt must be after occurredAt", m -> "下次跟进时间必须晚于跟进时间"),
            entry("IN_THE_FUTURE", "(\\w+) must not be more than (\\d+) minutes in the future",
                    m -> field(m) + "不能晚于现在 " + m.group(2) + " 分钟以上"),
            entry("BEFORE_1990", "(\\w+) must not be before 1990-01-01", m -> field(m) + "不能早于 1990-01-01"),
            entry("NOT_A_PHONE", "phone must be a phone number: .*", m -> "电话号码只能有数字、空格、横线、括号，开头可有 +"),
            entry("NOT_AN_EMAIL", "email must be an email address", m -> "邮箱格式不对"),
            entry("NOT_A_LEVEL", "level must be A, B or C", m -> "客户等级只能是 A、B 或 C"),
            entry("NOT_A_CURRENCY", "currency must be a three-letter ISO 4217 code such as CNY",
                    m -> "币种必须是三个字母的 ISO 4217 代码，如 CNY"),
            entry("BAD_AMOUNT", "amount must be positive, below 10\\^12, with at most 4 decimals",
                    m -> "成交金额必须为正数、小于 10^12、最多 4 位小数"),
            entry("TOO_MANY_ITEMS", "(\\w+) must have at most (\\d+) items", m -> field(m) + "最多 " + m.group(2) + " 项"),
            entry("BAD_ITEMS", "(\\w+) items must be non-blank strings of at most (\\d+) characters",
                    m -> field(m) + "的每一项都不能为空，且最多 " + m.group(2) + " 个字符"),
            entry("CONTROL_CHARACTERS", "(\\w+) must not contain control characters", m -> field(m) + "不能含控制字符"),
            entry("BIDI_CHARACTERS", "(\\w+) must not contain bidi embedding, override or isolate characters",
                    m -> field(m) + "不能含双向文本控制字符"),
            entry("BROKEN_UNICODE", "(\\w+) must be valid Unicode text .*", m -> field(m) + "含有无效的 Unicode 字符"),
            entry("NOT_A_TIME", "(\\w+) must be an ISO-8601 time with offset, .*", m -> field(m) + "不是带时区的时间"),
            entry("NOT_A_UUID", "(\\w+) must be a UUID .*", m -> field(m) + "必须是 UUID"),
            entry("WRONG_TYPE", "(\\w+) must be (a string|a decimal number|an array of strings)",
                    m -> field(m) + "类型不对"));

    private Reasons() {
    }

    /** The code and the Chinese text of a reason given in English. */
    public static Reason of(String english) {
        Reason refused = refusedByIngest(english);
        if (refused != null) {
            return refused;
        }
        for (Entry entry : CATALOGUE) {
            Matcher m = entry.english().matcher(english);
            if (m.matches()) {
                return new Reason(entry.code(), english, entry.chinese().apply(m));
            }
        }
        return new Reason(OTHER, english, english);
    }

    /** A row ingest refused after the importer passed it: its reason is one of ingest's own. */
    private static Reason refusedByIngest(String english) {
        String prefix = "refused by ingest: ";
        if (!english.startsWith(prefix)) {
            return null;
        }
        Reason inner = of(english.substring(prefix.length()));
        return new Reason(inner.code(), english, "被 ingest 拒绝：" + inner.zh());
    }

    private static Entry entry(String code, String english, Function<Matcher, String> chinese) {
        return new Entry(code, Pattern.compile(english, Pattern.DOTALL), chinese);
    }

    private static String field(Matcher m) {
        return FIELDS.getOrDefault(m.group(1), m.group(1));
    }
}

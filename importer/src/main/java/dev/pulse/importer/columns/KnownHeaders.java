package dev.pulse.importer.columns;

import dev.pulse.importer.values.Words;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The usual Chinese and English headers of follow-up and sales sheets (those of the seed
 * templates and their common variants), compared after {@link Words#key}: case, spaces,
 * underscores and a trailing unit such as "(元)" do not matter.
 */
public final class KnownHeaders {

    private static final Map<String, String> COMMON = new HashMap<>();
    private static final Map<String, String> FOLLOWUPS = new HashMap<>();
    private static final Map<String, String> SALES = new HashMap<>();

    static {
        add(COMMON, "customerId", "客户ID", "客户编号", "唯一客户ID", "客户代码", "customerId", "customer id", "customer no", "client id");
        add(COMMON, "customerName", "客户姓名", "客户名称", "客户", "姓名", "联系人", "customerName", "customer", "name",
                "contact name", "client");
        add(COMMON, "contact", "联系方式", "contact", "contact info");
        add(COMMON, "phone", "电话", "手机", "手机号", "手机号码", "联系电话", "电话号码", "phone", "mobile", "tel", "telephone");
        add(COMMON, "email", "邮箱", "电子邮箱", "email", "e-mail", "mail");
        add(COMMON, "wechat", "微信", "微信号", "wechat", "weixin", "wechat id");
        add(COMMON, "repId", "负责人", "跟进人", "销售", "销售员", "业务员", "销售代表", "归属销售", "owner", "rep", "repId",
                "sales rep", "sales agent", "agent");
        add(COMMON, "teamId", "团队", "销售团队", "部门", "小组", "team", "teamId", "department");
        add(FOLLOWUPS, "repName", "负责人姓名", "repName", "rep name");
        add(FOLLOWUPS, "company", "公司名称", "公司", "单位", "企业名称", "company", "company name", "account", "organization");
        add(FOLLOWUPS, "position", "职位", "职务", "position", "title", "job title");
        add(FOLLOWUPS, "occurredAt", "跟进时间", "跟进日期", "时间", "日期", "follow-up time", "follow up time", "occurredAt",
                "date", "time", "contact time");
        add(FOLLOWUPS, "channel", "跟进方式", "沟通方式", "方式", "channel", "method");
        add(FOLLOWUPS, "content", "跟进内容", "沟通内容", "内容", "跟进记录", "content", "summary", "description");
        add(FOLLOWUPS, "stage", "客户状态", "销售进展", "销售阶段", "阶段", "状态", "stage", "status", "deal stage");
        add(FOLLOWUPS, "result", "跟进结果", "结果", "客户反馈", "result", "outcome", "feedback");
        add(FOLLOWUPS, "nextFollowUpAt", "下次跟进时间", "下次跟进日期", "下次跟进", "next follow-up", "next follow up",
                "nextFollowUpAt", "next follow-up time", "next follow-up date");
        add(FOLLOWUPS, "lostReason", "流失原因", "丢单原因", "lostReason", "lost reason");
        add(FOLLOWUPS, "tags", "客户标签", "标签", "tags", "tag", "labels");
        add(FOLLOWUPS, "level", "客户等级", "等级", "级别", "level", "grade", "rating");
        add(FOLLOWUPS, "source", "来源渠道", "来源", "客户来源", "渠道", "source", "lead source");
        // 币种 on a follow-up sheet can only be the currency of the expected deal, its one amount
        add(FOLLOWUPS, "expectedAmount", "预计成交金额", "预计金额", "预期金额", "预计合同金额", "商机金额", "expectedAmount",
                "expected amount", "expected value", "expected deal value", "opportunity amount");
        add(FOLLOWUPS, "expectedCurrency", "预计成交币种", "币种", "货币", "expectedCurrency", "expected currency", "currency");
        add(FOLLOWUPS, "expectedCloseDate", "预计成交日期", "预计成交时间", "预计签约日期", "预计签单日期", "expectedCloseDate",
                "expected close date", "expected close", "expected closing date");
        add(FOLLOWUPS, "note", "备注", "说明", "note", "notes", "remark", "remarks", "comment");
        add(SALES, "orderId", "订单编号", "订单号", "单号", "orderId", "order no", "order number", "order");
        add(SALES, "product", "产品/服务", "产品", "服务", "产品名称", "商品", "product", "service", "item");
        add(SALES, "amount", "成交金额", "金额", "订单金额", "合同金额", "amount", "value", "deal value", "close value");
        add(SALES, "currency", "币种", "货币", "currency");
        add(SALES, "paymentMethod", "付款方式", "支付方式", "paymentMethod", "payment method", "payment");
        add(SALES, "occurredAt", "成交时间", "成交日期", "下单时间", "订单时间", "日期", "时间", "sale date", "close date",
                "occurredAt", "date");
        add(SALES, "shippingStatus", "发货状态", "物流状态", "shippingStatus", "shipping status", "shipping", "delivery status");
    }

    private KnownHeaders() {
    }

    /** The field a header names in this kind of sheet, if it is a known one. */
    public static Optional<String> field(EventKind kind, String header) {
        String key = Words.key(header);
        Map<String, String> specific = kind == EventKind.SALES ? SALES : FOLLOWUPS;
        return Optional.ofNullable(specific.getOrDefault(key, COMMON.get(key)));
    }

    /** A sales sheet has an order number or an amount; anything else is taken for follow-ups. */
    public static EventKind guessKind(List<String> header) {
        boolean sales = header.stream().map(Words::key)
                .anyMatch(key -> "orderId".equals(SALES.get(key)) || "amount".equals(SALES.get(key)));
        return sales ? EventKind.SALES : EventKind.FOLLOWUPS;
    }

    private static void add(Map<String, String> map, String field, String... headers) {
        for (String header : headers) {
            map.put(Words.key(header), field);
        }
    }
}

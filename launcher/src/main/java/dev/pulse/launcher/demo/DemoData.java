package dev.pulse.launcher.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/** The people and words of the demo: two teams of reps and plausible Chinese customers and companies. */
final class DemoData {

    record Rep(String id, String name, String teamId) {
    }

    static final List<Rep> REPS = List.of(
            new Rep("rep-zhangwei", "张伟", "team-east"),
            new Rep("rep-wangfang", "王芳", "team-east"),
            new Rep("rep-lina", "李娜", "team-east"),
            new Rep("rep-liuyang", "刘洋", "team-east"),
            new Rep("rep-chenjing", "陈静", "team-south"),
            new Rep("rep-yangfan", "杨帆", "team-south"),
            new Rep("rep-zhaolei", "赵磊", "team-south"),
            new Rep("rep-huangmin", "黄敏", "team-south"));

    static final List<String> STAGES = List.of("LEAD", "QUALIFIED", "PROPOSAL", "QUOTE", "CONTRACT", "WON");

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
    private static final String[] GIVEN = {"建国", "秀英", "志强", "丽华", "海涛", "晓燕", "国栋", "雪梅", "俊杰", "婷婷", "文博", "佳怡", "子轩", "梓涵", "明辉", "欣怡"};
    private static final String[] CITIES = {"上海", "杭州", "苏州", "南京", "深圳", "广州", "东莞", "厦门"};
    private static final String[] TRADES = {"智能科技", "精密制造", "供应链管理", "新材料", "医疗器械", "电子商务", "物流", "食品"};
    private static final String[] POSITIONS = {"采购经理", "总经理", "IT 主管", "运营总监", "财务经理", "副总裁"};
    private static final String[] SOURCES = {"官网咨询", "展会", "老客户推荐", "电话营销", "微信公众号"};
    private static final String[] PRODUCTS = {"Pulse 标准版年费", "Pulse 企业版年费", "实施服务包", "数据迁移服务", "培训课程"};
    static final String[] LOST_REASONS = {"预算不足", "选择了竞争对手", "需求暂缓", "联系不上决策人"};
    private static final String[] TOPICS = {"介绍产品功能", "确认采购需求和预算", "发送方案并讲解", "沟通报价细节",
            "讨论合同条款", "回访使用情况", "约定上门演示", "解答技术问题"};
    private static final String[] RESULTS = {"客户有兴趣，需内部讨论", "客户要求补充资料", "客户认可方案", "客户对价格有顾虑", "约好下周再谈"};

    private DemoData() {
    }

    static String pick(RandomGenerator random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    static String personName(RandomGenerator random) {
        return pick(random, SURNAMES) + pick(random, GIVEN);
    }

    static String company(RandomGenerator random) {
        return pick(random, CITIES) + pick(random, SURNAMES) + "氏" + pick(random, TRADES) + "有限公司";
    }

    static String mobile(RandomGenerator random) {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    static String position(RandomGenerator random) {
        return pick(random, POSITIONS);
    }

    static String source(RandomGenerator random) {
        return pick(random, SOURCES);
    }

    static String product(RandomGenerator random) {
        return pick(random, PRODUCTS);
    }

    static String content(RandomGenerator random) {
        return pick(random, TOPICS) + "；" + pick(random, RESULTS) + "。";
    }

    static String result(RandomGenerator random) {
        return pick(random, RESULTS);
    }
}

package dev.pulse.launcher.demo;

import java.util.random.RandomGenerator;

/**
 * The Chinese words both generated sales floors draw from, the demo's ({@link DemoGenerator}) and
 * the bench's (its {@code LoadGenerator}): a list per kind of word, and the people and phone numbers
 * made of them.
 */
public enum ChineseWords {
    SURNAMES("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
            "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
            "萧", "田", "董", "潘", "袁", "蔡", "蒋", "余", "欧阳", "司马"),
    GIVEN("建国", "秀英", "志强", "丽华", "海涛", "晓燕", "国栋", "雪梅", "俊杰", "婷婷",
            "文博", "佳怡", "子轩", "梓涵", "明辉", "欣怡", "伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛",
            "超", "霞", "平", "刚", "桂英", "玉兰", "浩然", "思远", "雨桐"),
    CITIES("上海", "杭州", "苏州", "南京", "深圳", "广州", "东莞", "厦门", "北京", "天津",
            "成都", "重庆", "武汉", "西安", "青岛", "宁波", "合肥", "长沙"),
    TRADES("智能科技", "精密制造", "供应链管理", "新材料", "医疗器械", "电子商务", "物流",
            "食品", "软件", "环保设备", "汽车零部件", "建筑工程"),
    POSITIONS("采购经理", "总经理", "IT 主管", "运营总监", "财务经理", "副总裁", "董事长",
            "行政主管"),
    SOURCES("官网咨询", "展会", "老客户推荐", "电话营销", "微信公众号", "抖音广告"),
    PRODUCTS("Pulse 标准版年费", "Pulse 企业版年费", "实施服务包", "数据迁移服务", "培训课程"),
    LOST_REASONS("预算不足", "选择了竞争对手", "需求暂缓", "联系不上决策人", "价格过高"),
    TOPICS("介绍产品功能", "确认采购需求和预算", "发送方案并讲解", "沟通报价细节",
            "讨论合同条款", "回访使用情况", "约定上门演示", "解答技术问题", "安排试用账号", "整理会议纪要"),
    RESULTS("客户有兴趣，需内部讨论", "客户要求补充资料", "客户认可方案", "客户对价格有顾虑",
            "约好下周再谈", "决策人出差，待定");

    private final String[] words;

    ChineseWords(String... words) {
        this.words = words;
    }

    public String pick(RandomGenerator random) {
        return pick(random, words);
    }

    /** The words in turn, for a generator that spreads them evenly. */
    public String at(int index) {
        return words[Math.floorMod(index, words.length)];
    }

    public static String pick(RandomGenerator random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    public static String personName(RandomGenerator random) {
        return SURNAMES.pick(random) + GIVEN.pick(random);
    }

    /** A mainland mobile number: 1, then 3-9, then nine digits. */
    public static String mobile(RandomGenerator random) {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }
}

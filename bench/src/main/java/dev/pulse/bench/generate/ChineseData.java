package dev.pulse.bench.generate;

import java.util.random.RandomGenerator;

/** The words of the generated sales floor: Chinese people, companies, phones and follow-up notes. */
final class ChineseData {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
            "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
            "萧", "田", "董", "潘", "袁", "蔡", "蒋", "余", "欧阳", "司马"};
    private static final String[] GIVEN = {"建国", "秀英", "志强", "丽华", "海涛", "晓燕", "国栋", "雪梅", "俊杰", "婷婷",
            "文博", "佳怡", "子轩", "梓涵", "明辉", "欣怡", "伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛",
            "超", "霞", "平", "刚", "桂英", "玉兰", "浩然", "思远", "雨桐"};
    private static final String[] CITIES = {"上海", "杭州", "苏州", "南京", "深圳", "广州", "东莞", "厦门", "北京", "天津",
            "成都", "重庆", "武汉", "西安", "青岛", "宁波", "合肥", "长沙"};
    private static final String[] WORDS = {"华", "瑞", "泰", "恒", "鑫", "宏", "盛", "达", "远", "信", "诚", "联", "创", "新",
            "明", "嘉"};
    private static final String[] TRADES = {"智能科技", "精密制造", "供应链管理", "新材料", "医疗器械", "电子商务", "物流",
            "食品", "软件", "环保设备", "汽车零部件", "建筑工程"};
    private static final String[] SUFFIXES = {"有限公司", "股份有限公司", "集团有限公司"};
    private static final String[] POSITIONS = {"采购经理", "总经理", "IT 主管", "运营总监", "财务经理", "副总裁", "董事长",
            "行政主管"};
    static final String[] SOURCES = {"官网咨询", "展会", "老客户推荐", "电话营销", "微信公众号", "抖音广告"};
    static final String[] PRODUCTS = {"Pulse 标准版年费", "Pulse 企业版年费", "实施服务包", "数据迁移服务", "培训课程"};
    static final String[] LOST_REASONS = {"预算不足", "选择了竞争对手", "需求暂缓", "联系不上决策人", "价格过高"};
    private static final String[] TOPICS = {"介绍产品功能", "确认采购需求和预算", "发送方案并讲解", "沟通报价细节",
            "讨论合同条款", "回访使用情况", "约定上门演示", "解答技术问题", "安排试用账号", "整理会议纪要"};
    private static final String[] RESULTS = {"客户有兴趣，需内部讨论", "客户要求补充资料", "客户认可方案", "客户对价格有顾虑",
            "约好下周再谈", "决策人出差，待定"};
    static final String[] TEAM_NAMES = {"华东", "华南", "华北", "西南", "华中", "西北", "东北", "大客户"};
    static final String[] PAYMENT = {"银行转账", "支付宝", "微信支付", "承兑汇票"};

    private ChineseData() {
    }

    static String pick(RandomGenerator random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    static String personName(RandomGenerator random) {
        return pick(random, SURNAMES) + pick(random, GIVEN);
    }

    static String company(RandomGenerator random) {
        return pick(random, CITIES) + pick(random, WORDS) + pick(random, WORDS) + pick(random, TRADES) + pick(random, SUFFIXES);
    }

    /** A mainland mobile number: 1, then 3-9, then nine digits. */
    static String mobile(RandomGenerator random) {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    static String position(RandomGenerator random) {
        return pick(random, POSITIONS);
    }

    static String content(RandomGenerator random, int step) {
        return pick(random, TOPICS) + "（第 " + step + " 次跟进）";
    }

    static String result(RandomGenerator random) {
        return pick(random, RESULTS);
    }
}

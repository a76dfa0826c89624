package dev.pulse.bench.generate;

import dev.pulse.launcher.demo.ChineseWords;
import java.util.random.RandomGenerator;

/**
 * The words of the generated sales floor that only the bench uses (companies with more varied
 * names, teams, payment methods); people, sources, products and notes are the demo's
 * {@link ChineseWords}.
 */
final class ChineseData {

    private static final String[] WORDS = {"华", "瑞", "泰", "恒", "鑫", "宏", "盛", "达", "远", "信", "诚", "联", "创", "新",
            "明", "嘉"};
    private static final String[] SUFFIXES = {"有限公司", "股份有限公司", "集团有限公司"};
    static final String[] TEAM_NAMES = {"华东", "华南", "华北", "西南", "华中", "西北", "东北", "大客户"};
    static final String[] PAYMENT = {"银行转账", "支付宝", "微信支付", "承兑汇票"};

    private ChineseData() {
    }

    static String company(RandomGenerator random) {
        return ChineseWords.CITIES.pick(random) + ChineseWords.pick(random, WORDS) + ChineseWords.pick(random, WORDS)
                + ChineseWords.TRADES.pick(random) + ChineseWords.pick(random, SUFFIXES);
    }

    static String content(RandomGenerator random, int step) {
        return ChineseWords.TOPICS.pick(random) + "（第 " + step + " 次跟进）";
    }
}

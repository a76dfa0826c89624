package dev.pulse.launcher.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/** The demo's sales floor: two teams of reps, the stages, and its companies and notes (words from {@link ChineseWords}). */
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

    private DemoData() {
    }

    static String company(RandomGenerator random) {
        return ChineseWords.CITIES.pick(random) + ChineseWords.SURNAMES.pick(random) + "氏" + ChineseWords.TRADES.pick(random) + "有限公司";
    }

    static String content(RandomGenerator random) {
        return ChineseWords.TOPICS.pick(random) + "；" + ChineseWords.RESULTS.pick(random) + "。";
    }
}

package dev.pulse.importer.values;

import dev.pulse.events.Pipeline;
import dev.pulse.events.Stage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stage codes behind the words sales teams write in a 客户状态 column: the pipeline's own codes
 * and names, the usual Chinese and English words, and the mapping file's own words, which win.
 * An exact word is looked up first; then the longest known Chinese word the cell contains
 * ("意向客户（需求确认）" is QUALIFIED).
 */
public final class StageWords {

    private static final Map<String, String> USUAL = new LinkedHashMap<>();

    static {
        words("LEAD", "潜在", "潜在客户", "线索", "新客户", "初步接触", "lead", "prospect", "prospecting", "new", "cold");
        words("QUALIFIED", "意向", "意向客户", "需求确认", "有意向", "qualified", "interested", "intent", "engaging", "warm");
        words("PROPOSAL", "方案", "方案制定", "方案阶段", "proposal", "solution");
        words("QUOTE", "报价", "已报价", "商务谈判", "谈判", "quote", "quoted", "quotation", "negotiation");
        words("CONTRACT", "合同", "合同签署", "签约", "待签约", "contract", "signing");
        words("WON", "成交", "已成交", "赢单", "签单", "won", "closedwon", "win", "deal");
        words("LOST", "流失", "已流失", "丢单", "输单", "无效", "lost", "closedlost", "churned");
    }

    private final Map<String, String> words = new LinkedHashMap<>();

    public StageWords(Pipeline pipeline, Map<String, String> overrides) {
        words.putAll(USUAL);
        for (Stage stage : pipeline.stages()) {
            words.put(Words.key(stage.code()), stage.code());
            words.put(Words.key(stage.nameZh()), stage.code());
            words.put(Words.key(stage.nameEn()), stage.code());
        }
        overrides.forEach((word, code) -> words.put(Words.key(word), code));
        words.keySet().removeIf(w -> w.isEmpty());
    }

    /** @return the stage code, or null when the word means nothing known */
    public String code(String cell) {
        String key = Words.key(cell);
        String exact = words.get(key);
        if (exact != null) {
            return exact;
        }
        String best = null;
        for (String word : words.keySet()) {
            if (word.codePoints().anyMatch(c -> c > 0x2E80) && key.contains(word)
                    && (best == null || word.length() > best.length())) {
                best = word;
            }
        }
        return best == null ? null : words.get(best);
    }

    private static void words(String code, String... list) {
        for (String word : list) {
            USUAL.put(Words.key(word), code);
        }
    }
}

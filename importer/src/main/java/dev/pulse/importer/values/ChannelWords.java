package dev.pulse.importer.values;

import dev.pulse.events.Channel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The channel behind a 跟进方式 cell. Known words map to their channel; any other non-blank word
 * (短信, 展会...) is OTHER, since the contact happened and only its kind is unusual.
 */
public final class ChannelWords {

    private static final Map<String, Channel> USUAL = new LinkedHashMap<>();

    static {
        words(Channel.PHONE, "电话", "手机", "致电", "来电", "去电", "电话沟通", "phone", "call", "telephone", "tel");
        words(Channel.WECHAT, "微信", "企业微信", "企微", "wechat", "weixin", "wx");
        words(Channel.EMAIL, "邮件", "电子邮件", "邮箱", "email", "e-mail", "mail");
        words(Channel.MEETING, "会议", "视频会议", "线上会议", "腾讯会议", "meeting", "videocall", "video");
        words(Channel.VISIT, "拜访", "上门", "上门拜访", "面谈", "面访", "实地拜访", "visit", "onsite", "inperson");
        words(Channel.OTHER, "其他", "其它", "other");
    }

    private final Map<String, Channel> words = new LinkedHashMap<>(USUAL);

    public ChannelWords(Map<String, String> overrides) {
        overrides.forEach((word, channel) -> words.put(Words.key(word), Channel.valueOf(channel.toUpperCase(java.util.Locale.ROOT))));
    }

    public Channel channel(String cell) {
        String key = Words.key(cell);
        Channel exact = words.get(key);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Channel> word : words.entrySet()) {
            if (word.getKey().codePoints().anyMatch(c -> c > 0x2E80) && key.contains(word.getKey())) {
                return word.getValue();
            }
        }
        return Channel.OTHER;
    }

    private static void words(Channel channel, String... list) {
        for (String word : list) {
            USUAL.put(Words.key(word), channel);
        }
    }
}

package dev.pulse.importer.values;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 联系方式 cell sorted into the field it belongs to: an email has an @, a phone is digits with
 * the usual punctuation, anything else is a WeChat id. A label in front ("微信：wx_li", "Tel: ...")
 * decides instead.
 *
 * @param field phone, email or wechat
 * @param value the contact without its label
 */
public record Contact(String field, String value) {

    private static final Pattern LABELLED = Pattern.compile(
            "^(微信号?|wechat|wx|v信|电话|手机号?|tel|phone|mobile|邮箱|email|e-mail|mail)\\s*[:：]\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()\\-]{4,24}$");

    public static Contact of(String cell) {
        String text = cell.strip();
        Matcher labelled = LABELLED.matcher(text);
        if (labelled.matches()) {
            String label = labelled.group(1).toLowerCase(java.util.Locale.ROOT);
            String value = labelled.group(2).strip();
            String field = label.startsWith("微") || label.equals("wechat") || label.equals("wx") || label.equals("v信")
                    ? "wechat" : label.contains("mail") || label.equals("邮箱") ? "email" : "phone";
            return new Contact(field, value);
        }
        if (text.contains("@")) {
            return new Contact("email", text);
        }
        if (PHONE.matcher(text).matches()) {
            return new Contact("phone", text);
        }
        return new Contact("wechat", text);
    }
}

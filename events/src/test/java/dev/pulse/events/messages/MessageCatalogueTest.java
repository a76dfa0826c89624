package dev.pulse.events.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 17, defect 4: every message has a stable, unique code and both its texts. */
class MessageCatalogueTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    @Test
    void shouldGiveEveryMessageAUniqueCodeOfTheDocumentedShape() {
        assertThat(Arrays.stream(MessageCode.values()).map(MessageCode::code))
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("PULSE-[VIHAQMUWPRG]\\d{3}"), "PULSE-<family><3 digits>");
    }

    @ParameterizedTest
    @EnumSource(MessageCode.class)
    void shouldHaveAnEnglishAndAChineseTextWithTheSameArguments(MessageCode code) {
        String en = code.template(Language.EN);
        String zh = code.template(Language.ZH);

        assertThat(en).isNotBlank();
        assertThat(zh).isNotBlank().isNotEqualTo(en)
                .matches(text -> text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                        "holds Chinese characters");
        // a Chinese text may add the field's name, but must show every value the English one shows
        assertThat(arguments(zh)).as(code.name()).containsAll(arguments(en));
    }

    @Test
    void shouldFillTheArgumentsAndTheFieldsChineseName() {
        Message tooLong = Message.about("customerName", MessageCode.TOO_LONG, 200);

        assertThat(tooLong.render(Language.EN)).isEqualTo("must be at most 200 characters");
        assertThat(tooLong.render(Language.ZH)).isEqualTo("客户姓名最多 200 个字符");
        assertThat(Message.of(MessageCode.FROM_AFTER_TO, "2026-11-05", "2026-11-01").render(Language.ZH))
                .isEqualTo("开始日期 from（2026-11-05）不能晚于结束日期 to（2026-11-01）");
    }

    @Test
    void shouldLeaveBracesInACallersInputAlone() {
        Message message = Message.of(MessageCode.PARAMETER_NOT_ONE_OF, "granularity", "[day]", "{0}{1}{field}");

        assertThat(message.en()).isEqualTo("granularity must be one of [day], not '{0}{1}{field}'");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "null, EN", "'', EN", "en, EN", "en-US, EN", "zh, ZH", "zh-CN, ZH", "zh-Hans-CN, ZH", "zh-TW, ZH",
            "'zh-CN,zh;q=0.9,en;q=0.8', ZH", "'en-US,en;q=0.9,zh-CN;q=0.8', EN", "'fr-FR,zh;q=0.5', ZH", "fr, EN",
            "'*', EN", "'en;q=0.1,zh;q=0.9', ZH", "'zh;q=0', EN", "'not a header;;', EN"})
    void shouldChooseTheLanguageFromAcceptLanguage(String header, Language expected) {
        assertThat(Language.fromAcceptLanguage(header)).isEqualTo(expected);
    }

    private static java.util.Set<String> arguments(String template) {
        Matcher m = ARGUMENT.matcher(template);
        return m.results().map(r -> r.group(1)).collect(Collectors.toSet());
    }
}

package dev.pulse.events.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DESIGN.md definition 4: the normalised forms under which DUPLICATE_CUSTOMER compares contacts.
 * Every expectation is the contact as a person would read it, written out by hand.
 */
class ContactKeysTest {

    @ParameterizedTest(name = "\"{0}\" is 13800138000")
    @ValueSource(strings = {
            "13800138000",
            "138 0013 8000",
            "138-0013-8000",
            "+86 138 0013 8000",
            "+86 138-0013-8000",
            "+8613800138000",
            "0086 13800138000",
            "8613800138000",
            "(+86) 138 0013 8000"})
    void shouldReduceEveryWayOfWritingAMainlandMobileToItsElevenDigits(String written) {
        // when
        String key = ContactKeys.phone(written);

        // then
        assertThat(key).isEqualTo("13800138000");
    }

    @Test
    void shouldKeepALandlineAsItsDigitsWithTheCountryCodeWhenOneIsWritten() {
        // given: one Beijing landline written the domestic way and the international way
        String domestic = "010-6552 9988";
        String international = "+86 10 6552 9988";

        // when
        String domesticKey = ContactKeys.phone(domestic);
        String internationalKey = ContactKeys.phone(international);

        // then: only an 11-digit mainland mobile (1[3-9] + 9 digits) loses its 86/0086. After 86 a
        // landline has already dropped its trunk 0 ("10 6552 9988", not "010 ..."), and area codes
        // have 2 to 3 digits, so no prefix can be cut safely: the two forms stay two keys.
        assertThat(domesticKey).isEqualTo("01065529988");
        assertThat(internationalKey).isEqualTo("861065529988");
    }

    @Test
    void shouldNotCutA86ThatIsPartOfTheNumberItself() {
        // given: a 10-digit number that starts with 86; what follows is no mainland mobile
        String written = "86-1380-0138";

        // when
        String key = ContactKeys.phone(written);

        // then
        assertThat(key).isEqualTo("8613800138");
    }

    @ParameterizedTest(name = "\"{0}\" identifies nobody")
    @NullAndEmptySource
    @ValueSource(strings = {"1234", "12-34", "+86", "   ", "n/a", "(010)"})
    void shouldGiveNoKeyForAPhoneOfFewerThanFiveDigits(String written) {
        // when
        String key = ContactKeys.phone(written);

        // then
        assertThat(key).isNull();
    }

    @Test
    void shouldKeepAPhoneOfExactlyFiveDigits() {
        // given: short service numbers such as 95588 do identify someone
        String written = "95588";

        // when
        String key = ContactKeys.phone(written);

        // then
        assertThat(key).isEqualTo("95588");
    }

    @Test
    void shouldTrimAndLowerCaseAnEmail() {
        // when
        String key = ContactKeys.email(" Wang.Fang@Example.COM ");

        // then
        assertThat(key).isEqualTo("wang.fang@example.com");
    }

    @Test
    void shouldTrimAndLowerCaseAWeChatId() {
        // when
        String key = ContactKeys.wechat(" WangFang_88 ");

        // then
        assertThat(key).isEqualTo("wangfang_88");
    }

    @ParameterizedTest(name = "\"{0}\" is no email and no WeChat id")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void shouldGiveNoKeyForABlankEmailOrWeChatId(String written) {
        // when / then
        assertThat(ContactKeys.email(written)).isNull();
        assertThat(ContactKeys.wechat(written)).isNull();
    }

    @Test
    void shouldTypeEveryContactKeyOfACustomer() {
        // when
        var keys = ContactKeys.of("+86 138 0013 8000", " Wang.Fang@Example.COM ", " WangFang_88 ");

        // then
        assertThat(keys).containsExactly(
                "phone:13800138000", "email:wang.fang@example.com", "wechat:wangfang_88");
    }

    @Test
    void shouldNeverMatchAPhoneWithAWeChatIdMadeOfTheSameDigits() {
        // given: many people use their mobile number as WeChat id, but the two are different fields
        String digits = "13800138000";

        // when
        var keys = ContactKeys.of(digits, null, digits);

        // then
        assertThat(keys).containsExactly("phone:13800138000", "wechat:13800138000");
    }

    @Test
    void shouldSkipContactsThatAreMissingBlankOrTooShort() {
        // when
        var onlyEmail = ContactKeys.of(null, "a@b.cn", null);
        var nothingUsable = ContactKeys.of("1234", "  ", null);

        // then
        assertThat(onlyEmail).containsExactly("email:a@b.cn");
        assertThat(nothingUsable).isEmpty();
    }

    /** One note typed twice, the second time with other whitespace, and the content both come to. */
    static Stream<Arguments> oneNoteTypedTwice() {
        return Stream.of(
                // once on one line and once with line breaks, tabs and padding: a space between two Latin
                // words stays, one of it
                arguments("whitespace between Latin words folds to one space, the ends are trimmed",
                        "call back Friday 10am", "  call\n\nback\t \tFriday\u00A010am\r\n", "call back Friday 10am"),
                // the pair; Chinese has no spaces between words, the copy only has spaces added
                arguments("a retyped Chinese note drops the spaces it gained around characters and punctuation",
                        "已电话沟通，客户有意向", " 已电话沟通，  客户有意向 ", "已电话沟通，客户有意向"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneNoteTypedTwice")
    void shouldNormaliseBothTypingsOfANoteToOneContent(String why, String typed, String retyped, String content) {
        assertThat(ContactKeys.normalisedContent(typed)).isEqualTo(content);
        assertThat(ContactKeys.normalisedContent(retyped)).isEqualTo(content);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "电话沟通 介绍产品 客户要报价",
            "电话沟通\u3000介绍产品\u3000\u3000客户要报价",
            "电话沟通\n介绍产品\r\n客户要报价\n",
            "\t电话沟通\t介绍产品 \u3000\n 客户要报价",
            "\u3000电话沟通介绍产品客户要报价\u3000",
            "电话沟通\u200B介绍产品\u00A0客户要报价"})
    void shouldDropWhitespaceOfEveryKindNextToACjkCharacter(String written) {
        // full-width spaces (U+3000), line breaks, tabs, no-break and zero-width spaces all count
        assertThat(ContactKeys.normalisedContent(written)).isEqualTo("电话沟通介绍产品客户要报价");
    }

    @Test
    void shouldDropASpaceBetweenChineseAndLatinButKeepOneBetweenLatinWordsAndNumbers() {
        // given: a note mixing Chinese with a product name and a number
        String written = "报价 iPhone 15 Pro  两台 ， 含税 （ 增值税 ）";

        // when / then: 价|i, o|两, 台|，, ，|含 and the full-width brackets lose their spaces;
        // "iPhone 15 Pro" keeps its two
        assertThat(ContactKeys.normalisedContent(written)).isEqualTo("报价iPhone 15 Pro两台，含税（增值税）");
    }

    @Test
    void shouldKeepContentThatDiffersInOneMeaningfulCharacterApart() {
        // a different word, a removed space between Latin words, digits run together, a full stop,
        // and Korean (which separates words with spaces) are other texts, not other layouts
        assertThat(ContactKeys.normalisedContent("客户有意向")).isNotEqualTo(ContactKeys.normalisedContent("客户无意向"));
        assertThat(ContactKeys.normalisedContent("call back")).isNotEqualTo(ContactKeys.normalisedContent("callback"));
        assertThat(ContactKeys.normalisedContent("报价 1 2 台")).isEqualTo("报价1 2台")
                .isNotEqualTo(ContactKeys.normalisedContent("报价12台"));
        assertThat(ContactKeys.normalisedContent("客户有意向。")).isNotEqualTo(ContactKeys.normalisedContent("客户有意向"));
        assertThat(ContactKeys.normalisedContent("내일 다시 전화")).isEqualTo("내일 다시 전화")
                .isNotEqualTo(ContactKeys.normalisedContent("내일다시 전화"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u3000\n\t"})
    void shouldNormaliseMissingOrBlankContentToNothing(String written) {
        assertThat(ContactKeys.normalisedContent(written)).isEmpty();
    }
}

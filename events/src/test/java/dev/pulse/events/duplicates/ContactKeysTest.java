package dev.pulse.events.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

    @Test
    void shouldFoldEveryRunOfWhitespaceInContentToOneSpaceAndTrimTheEnds() {
        // given: the same note typed once on one line and once with line breaks, tabs and padding
        String oneLine = "电话沟通 介绍产品 客户要报价";
        String retyped = "  电话沟通\n\n介绍产品\t \t客户要报价\r\n";

        // when
        String first = ContactKeys.normalisedContent(oneLine);
        String second = ContactKeys.normalisedContent(retyped);

        // then
        assertThat(first).isEqualTo("电话沟通 介绍产品 客户要报价");
        assertThat(second).isEqualTo("电话沟通 介绍产品 客户要报价");
    }

    @Test
    void shouldKeepContentThatDiffersInMoreThanWhitespaceApart() {
        // given: a space taken out of the middle is a different text, not a different layout
        String spaced = "介绍产品 客户要报价";
        String joined = "介绍产品客户要报价";

        // when / then
        assertThat(ContactKeys.normalisedContent(spaced)).isNotEqualTo(ContactKeys.normalisedContent(joined));
        assertThat(ContactKeys.normalisedContent(null)).isEmpty();
    }
}

package dev.pulse.report.alerts;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signatures robots check when their "signature" security setting is on. Both hold a
 * timestamp the robot compares with its clock (within an hour), so they are made at send time.
 */
final class RobotSigning {

    private RobotSigning() {
    }

    /**
     * DingTalk 加签: HMAC-SHA256 keyed with the secret over {@code timestamp + "\n" + secret}
     * (timestamp in milliseconds), Base64, then URL-encoded into {@code &timestamp=..&sign=..}.
     */
    static URI dingTalk(URI url, String secret, Instant now) {
        String timestamp = Long.toString(now.toEpochMilli());
        String sign = base64(hmac(secret, timestamp + "\n" + secret));
        String separator = url.getRawQuery() == null ? "?" : "&";
        return URI.create(url + separator + "timestamp=" + timestamp + "&sign=" + URLEncoder.encode(sign, StandardCharsets.UTF_8));
    }

    /**
     * Feishu 签名校验: HMAC-SHA256 keyed with {@code timestamp + "\n" + secret} over nothing
     * (timestamp in seconds), Base64; both go into the body as {@code timestamp} and {@code sign}.
     */
    static String feishuSign(String secret, long epochSeconds) {
        return base64(hmac(epochSeconds + "\n" + secret, ""));
    }

    private static byte[] hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}

package vn.diemcau.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Personal invitation tokens. A token is HMAC(server secret, delegate id : random salt): unguessable
 * without the secret, yet the office can print the same invitation again without invalidating the
 * ones already handed out. The database keeps only the salt and the token's SHA-256, so a leaked
 * table alone opens nothing; revoking means a new salt (the old token's hash no longer matches).
 */
@ApplicationScoped
public class InvitationTokens {
    static final String PREFIX = "dci_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] secret;

    InvitationTokens(@ConfigProperty(name = "diemcau.invitation.secret") String secret) {
        if (secret.length() < 32) {
            throw new IllegalStateException("diemcau.invitation.secret must be at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String newSalt() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public String token(long delegateId, String salt) {
        return PREFIX + mac(delegateId + ":" + salt);
    }

    /**
     * Registration: another kind of link token from the same secret, {@code prefix} + HMAC("kind:id:salt").
     * The kind keeps it from ever equalling an invitation token of the same id and salt.
     */
    public String token(String prefix, String kind, long id, String salt) {
        return prefix + mac(kind + ":" + id + ":" + salt);
    }

    private String mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] h = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(h, 24));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored form of a token. */
    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cheap shape check before any lookup: what a forged or truncated token fails first. */
    public static boolean wellFormed(String token) {
        return wellFormed(PREFIX, token);
    }

    /** The same shape check for a token made by {@link #token(String, String, long, String)}. */
    public static boolean wellFormed(String prefix, String token) {
        return token != null
                && token.length() == prefix.length() + 32
                && token.startsWith(prefix)
                && token.substring(prefix.length())
                        .chars()
                        .allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}

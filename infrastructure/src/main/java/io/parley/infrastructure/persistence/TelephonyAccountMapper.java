package io.parley.infrastructure.persistence;

import io.parley.core.telephony.ExotelAccount;
import io.parley.core.telephony.Secret;
import io.parley.core.telephony.TwilioAccount;
import io.parley.core.telephony.VapiAccount;
import io.parley.core.tenant.TenantId;
import io.parley.infrastructure.crypto.AesGcmSecretBox;
import io.parley.infrastructure.crypto.SealedSecret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Maps telephony accounts between the domain and their rows, sealing the secret on the way in and opening it on
 * the way out; the associated data is {@code telephony_accounts:<tenant id>:<provider>:<field>}.
 */
final class TelephonyAccountMapper {

    private final AesGcmSecretBox box;

    TelephonyAccountMapper(AesGcmSecretBox box) {
        this.box = box;
    }

    void copyInto(TwilioAccount account, TelephonyAccountJpaEntity e) {
        e.accountSid = account.accountSid();
        e.apiKey = null;
        e.secretDigest = null;
        seal(account.authToken(), "authToken", e);
    }

    void copyInto(ExotelAccount account, TelephonyAccountJpaEntity e) {
        e.accountSid = account.accountSid();
        e.apiKey = account.apiKey();
        e.secretDigest = null;
        seal(account.apiToken(), "apiToken", e);
    }

    void copyInto(VapiAccount account, TelephonyAccountJpaEntity e) {
        e.accountSid = null;
        e.apiKey = null;
        e.secretDigest = digest(account.secret().reveal());
        seal(account.secret(), "secret", e);
    }

    TwilioAccount toTwilio(TelephonyAccountJpaEntity e, List<String> numbers) {
        return new TwilioAccount(new TenantId(e.tenantId), e.accountSid, open(e, "authToken"), numbers);
    }

    ExotelAccount toExotel(TelephonyAccountJpaEntity e) {
        return new ExotelAccount(new TenantId(e.tenantId), e.accountSid, e.apiKey, open(e, "apiToken"));
    }

    VapiAccount toVapi(TelephonyAccountJpaEntity e) {
        return new VapiAccount(new TenantId(e.tenantId), open(e, "secret"));
    }

    /** The SHA-256 of a secret, in hex: how a Vapi account is found from the secret Vapi presents. */
    static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private void seal(Secret secret, String field, TelephonyAccountJpaEntity e) {
        SealedSecret sealed = box.seal(secret.reveal(), context(e, field));
        e.secretKeyId = sealed.keyId();
        e.secretNonce = sealed.nonce();
        e.secretCiphertext = sealed.ciphertext();
    }

    private Secret open(TelephonyAccountJpaEntity e, String field) {
        return new Secret(box.open(new SealedSecret(e.secretKeyId, e.secretNonce, e.secretCiphertext),
                context(e, field)));
    }

    private static String context(TelephonyAccountJpaEntity e, String field) {
        return "telephony_accounts:" + e.tenantId + ":" + e.provider + ":" + field;
    }
}

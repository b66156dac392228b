package io.parley.presentation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.parley.core.port.out.TelephonyAccounts;
import io.parley.core.tenant.TenantId;
import io.parley.presentation.support.Database;
import io.parley.presentation.support.Parley;
import io.parley.presentation.support.Parley.TenantAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The telephony settings API: secrets go in, come back masked, and are stored sealed; numbers have one owner. */
@QuarkusTest
class TelephonySettingsResourceTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String BAD_REQUEST_TOKEN = "Tok3nTok3nTok3nTok3n";

    @Inject
    TelephonyAccounts accounts;

    @Test
    void twilioSettingsArePutShownMaskedAndDeleted() {
        TenantAccess tenant = Parley.newTenant();
        String token = token();
        List<String> numbers = List.of(number(), number());
        Response put = put(tenant, "twilio", Map.of("accountSid", SID, "authToken", token, "numbers", numbers));
        put.then().statusCode(200).body("accountSid", equalTo(SID))
                .body("authToken", equalTo("****" + token.substring(token.length() - 2)))
                .body("numbers", equalTo(numbers));
        Response got = get(tenant, "twilio");
        got.then().statusCode(200).body("authToken", equalTo("****" + token.substring(token.length() - 2)))
                .body("numbers", equalTo(numbers));
        assertThat(put.asString() + got.asString()).doesNotContain(token);

        delete(tenant, "twilio").then().statusCode(204);
        get(tenant, "twilio").then().statusCode(404).body("error", equalTo("not_found"));
        delete(tenant, "twilio").then().statusCode(404).body("error", equalTo("not_found"));
        put(Parley.newTenant(), "twilio", twilio(numbers)).then().statusCode(200);
    }

    @Test
    void exotelSettingsArePutShownMaskedAndDeleted() {
        TenantAccess tenant = Parley.newTenant();
        String apiKey = "key_" + UUID.randomUUID();
        String apiToken = token();
        Response put = put(tenant, "exotel", Map.of("accountSid", "parley1", "apiKey", apiKey, "apiToken", apiToken));
        put.then().statusCode(200).body("accountSid", equalTo("parley1")).body("apiKey", equalTo(apiKey))
                .body("apiToken", equalTo("****" + apiToken.substring(apiToken.length() - 2)));
        Response got = get(tenant, "exotel");
        got.then().statusCode(200).body("apiKey", equalTo(apiKey));
        assertThat(put.asString() + got.asString()).doesNotContain(apiToken);

        delete(tenant, "exotel").then().statusCode(204);
        get(tenant, "exotel").then().statusCode(404);
    }

    @Test
    void vapiSettingsArePutShownMaskedAndDeleted() {
        TenantAccess tenant = Parley.newTenant();
        String secret = "vapi-" + token();
        Response put = put(tenant, "vapi", Map.of("secret", secret));
        put.then().statusCode(200).body("secret", equalTo("****" + secret.substring(secret.length() - 2)));
        Response got = get(tenant, "vapi");
        got.then().statusCode(200).body("secret", equalTo("****" + secret.substring(secret.length() - 2)));
        assertThat(put.asString() + got.asString()).doesNotContain(secret);

        delete(tenant, "vapi").then().statusCode(204);
        get(tenant, "vapi").then().statusCode(404);
    }

    @Test
    void replacingTwilioSettingsReplacesTheNumbersAndReleasesTheOldOnes() {
        TenantAccess owner = Parley.newTenant();
        String kept = number();
        String released = number();
        String added = number();
        put(owner, "twilio", twilio(List.of(released, kept))).then().statusCode(200);
        put(owner, "twilio", twilio(List.of(kept, added))).then().statusCode(200);
        get(owner, "twilio").then().statusCode(200).body("numbers", equalTo(List.of(kept, added)));

        put(Parley.newTenant(), "twilio", twilio(List.of(released))).then().statusCode(200);
    }

    @Test
    void aNumberOfAnotherTenantIs409AndNothingOfTheRequestIsStored() {
        TenantAccess owner = Parley.newTenant();
        TenantAccess other = Parley.newTenant();
        String taken = number();
        put(owner, "twilio", twilio(List.of(taken))).then().statusCode(200);
        put(other, "twilio", twilio(List.of(number(), taken))).then().statusCode(409)
                .body("error", equalTo("number_claimed"))
                .body("message", containsString(taken.substring(taken.length() - 4)))
                .body("message", not(containsString(taken)));
        get(other, "twilio").then().statusCode(404);
        get(owner, "twilio").then().statusCode(200).body("numbers", equalTo(List.of(taken)));
    }

    @Test
    void anExotelApiKeyOrVapiSecretOfAnotherTenantIsRefused() {
        String apiKey = "key_" + UUID.randomUUID();
        String secret = "vapi-" + token();
        TenantAccess owner = Parley.newTenant();
        put(owner, "exotel", Map.of("accountSid", "a1", "apiKey", apiKey, "apiToken", token())).then().statusCode(200);
        put(owner, "vapi", Map.of("secret", secret)).then().statusCode(200);
        TenantAccess other = Parley.newTenant();
        put(other, "exotel", Map.of("accountSid", "a2", "apiKey", apiKey, "apiToken", token())).then()
                .statusCode(409).body("error", equalTo("api_key_claimed"));
        put(other, "vapi", Map.of("secret", secret)).then().statusCode(409).body("error", equalTo("secret_claimed"))
                .body("message", not(containsString(secret)));
        put(owner, "vapi", Map.of("secret", secret)).then().statusCode(200);
    }

    static Stream<Arguments> invalidSettings() {
        Map<String, Object> twilio = Map.of("accountSid", SID, "authToken", BAD_REQUEST_TOKEN,
                "numbers", List.of("+15551234567"));
        Map<String, Object> exotel = Map.of("accountSid", "a1", "apiKey", "k1", "apiToken", BAD_REQUEST_TOKEN);
        return Stream.of(
                arguments("twilio", with(twilio, "accountSid", "AB0123456789abcdef0123456789abcdef"),
                        "accountSid must be AC followed by 32 hexadecimal characters"),
                arguments("twilio", with(twilio, "accountSid", null), "accountSid must be AC"),
                arguments("twilio", with(twilio, "authToken", null), "authToken must be 16 to 64 letters or digits"),
                arguments("twilio", with(twilio, "authToken", "too-short"), "authToken must be 16 to 64"),
                arguments("twilio", with(twilio, "numbers", null), "numbers must list 1 to 100 phone numbers"),
                arguments("twilio", with(twilio, "numbers", List.of()), "numbers must list 1 to 100"),
                arguments("twilio", with(twilio, "numbers", List.of("5551234567")), "phone numbers must be E.164"),
                arguments("twilio", with(twilio, "numbers", List.of("+1 555 123")), "phone numbers must be E.164"),
                arguments("twilio", with(twilio, "numbers", Collections.singletonList(null)), "must be E.164"),
                arguments("twilio", with(twilio, "numbers", List.of("+15551234567", "+15551234567")),
                        "numbers must not repeat a number"),
                arguments("exotel", with(exotel, "accountSid", null), "accountSid must be 2 to 100"),
                arguments("exotel", with(exotel, "apiKey", null), "apiKey must be 2 to 100"),
                arguments("exotel", with(exotel, "apiToken", "has space in it"), "apiToken must be 8 to 200"),
                arguments("vapi", Map.of("secret", "too-short"), "secret must be 16 to 200 characters"),
                arguments("vapi", Map.of(), "secret must be 16 to 200 characters"),
                arguments("vapi", "", "a JSON body with the provider's settings is required"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidSettings")
    void invalidSettingsAre400WithTheReasonAndNoSecretInIt(String provider, Object body, String reason) {
        Response response = given().contentType("application/json").header("X-Api-Key", Parley.newTenant().apiKey())
                .body(body).put("/api/v1/telephony/" + provider);
        response.then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("message", containsString(reason));
        assertThat(response.asString()).doesNotContain(BAD_REQUEST_TOKEN).doesNotContain("too-short")
                .doesNotContain("has space in it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"twilio", "exotel", "vapi"})
    void withoutAnApiKeyEveryMethodIs401(String provider) {
        given().contentType("application/json").body("{}").put("/api/v1/telephony/" + provider).then().statusCode(401);
        given().get("/api/v1/telephony/" + provider).then().statusCode(401);
        given().delete("/api/v1/telephony/" + provider).then().statusCode(401);
        given().header("X-Api-Key", "pk_wrong").get("/api/v1/telephony/" + provider).then().statusCode(401)
                .body("error", equalTo("unauthorized"));
    }

    @Test
    void aTenantCannotSeeOrDeleteAnotherTenantsSettings() {
        TenantAccess owner = Parley.newTenant();
        put(owner, "twilio", twilio(List.of(number()))).then().statusCode(200);
        put(owner, "exotel", Map.of("accountSid", "a1", "apiKey", "key_" + UUID.randomUUID(), "apiToken", token()))
                .then().statusCode(200);
        put(owner, "vapi", Map.of("secret", "vapi-" + token())).then().statusCode(200);
        TenantAccess stranger = Parley.newTenant();
        for (String provider : List.of("twilio", "exotel", "vapi")) {
            get(stranger, provider).then().statusCode(404);
            delete(stranger, provider).then().statusCode(404);
            get(owner, provider).then().statusCode(200);
        }
    }

    @Test
    void theStoredSecretIsSealedAndOpensOnlyWithTheKeyAndItsOwnRow() throws Exception {
        TenantAccess tenant = Parley.newTenant();
        String token = token();
        put(tenant, "twilio", twilio(token, List.of(number()))).then().statusCode(200);
        try (Connection db = Database.open(); PreparedStatement query = db.prepareStatement("select secret_ciphertext, "
                + "secret_nonce, secret_key_id, secret_digest from telephony_accounts where tenant_id = ? "
                + "and provider = 'twilio'")) {
            query.setObject(1, UUID.fromString(tenant.id()));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                byte[] ciphertext = row.getBytes(1);
                byte[] nonce = row.getBytes(2);
                assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(token);
                assertThat(nonce).hasSize(12);
                assertThat(row.getString(3)).isEqualTo("test-1");
                assertThat(row.getString(4)).isNull();
                String aad = "telephony_accounts:" + tenant.id() + ":twilio:authToken";
                assertThat(open(testKey(), nonce, ciphertext, aad)).isEqualTo(token);
                String otherRow = "telephony_accounts:" + UUID.randomUUID() + ":twilio:authToken";
                assertThatThrownBy(() -> open(testKey(), nonce, ciphertext, otherRow))
                        .isInstanceOf(AEADBadTagException.class);
                byte[] otherKey = new byte[32];
                new SecureRandom().nextBytes(otherKey);
                assertThatThrownBy(() -> open(otherKey, nonce, ciphertext, aad))
                        .isInstanceOf(AEADBadTagException.class);
            }
        }
    }

    @Test
    void callsFindTheAccountByNumberApiKeyOrExactVapiSecret() throws Exception {
        TenantAccess tenant = Parley.newTenant();
        TenantId id = new TenantId(UUID.fromString(tenant.id()));
        String number = number();
        String apiKey = "key_" + UUID.randomUUID();
        String secret = "vapi-" + token();
        put(tenant, "twilio", twilio(List.of(number))).then().statusCode(200);
        put(tenant, "exotel", Map.of("accountSid", "a1", "apiKey", apiKey, "apiToken", token())).then().statusCode(200);
        put(tenant, "vapi", Map.of("secret", secret)).then().statusCode(200);

        assertThat(accounts.twilioByNumber(number)).hasValueSatisfying(a -> assertThat(a.tenant()).isEqualTo(id));
        assertThat(accounts.twilioByNumber(number())).isEmpty();
        assertThat(accounts.exotelByApiKey(apiKey)).hasValueSatisfying(a -> assertThat(a.tenant()).isEqualTo(id));
        assertThat(accounts.vapiBySecret(secret)).hasValueSatisfying(a -> {
            assertThat(a.tenant()).isEqualTo(id);
            assertThat(a.secret().reveal()).isEqualTo(secret);
        });
        assertThat(accounts.vapiBySecret(secret + "x")).isEmpty();
        assertThat(digest(id)).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.UTF_8))));
    }

    private static String digest(TenantId tenant) throws Exception {
        try (Connection db = Database.open(); PreparedStatement query = db.prepareStatement("select secret_digest "
                + "from telephony_accounts where tenant_id = ? and provider = 'vapi'")) {
            query.setObject(1, tenant.value());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static String open(byte[] key, byte[] nonce, byte[] ciphertext, String aad) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        return new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8);
    }

    private static byte[] testKey() {
        String keys = ConfigProvider.getConfig().getValue("parley.crypto.keys", String.class);
        return Base64.getDecoder().decode(keys.substring(keys.indexOf(':') + 1));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> twilio(List<String> numbers) {
        return twilio(token(), numbers);
    }

    private static Map<String, Object> twilio(String token, List<String> numbers) {
        return Map.of("accountSid", SID, "authToken", token, "numbers", numbers);
    }

    /** A Twilio-shaped auth token (32 letters and digits), different every time. */
    private static String token() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A US number no earlier run has claimed (the test database outlives runs). */
    private static String number() {
        return "+1" + ThreadLocalRandom.current().nextLong(2_000_000_000L, 9_999_999_999L);
    }

    private static Response put(TenantAccess tenant, String provider, Object body) {
        return given().contentType("application/json").header("X-Api-Key", tenant.apiKey()).body(body)
                .put("/api/v1/telephony/" + provider);
    }

    private static Response get(TenantAccess tenant, String provider) {
        return given().header("X-Api-Key", tenant.apiKey()).get("/api/v1/telephony/" + provider);
    }

    private static Response delete(TenantAccess tenant, String provider) {
        return given().header("X-Api-Key", tenant.apiKey()).delete("/api/v1/telephony/" + provider);
    }
}

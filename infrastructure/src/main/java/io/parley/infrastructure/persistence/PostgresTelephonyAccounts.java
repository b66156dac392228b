package io.parley.infrastructure.persistence;

import io.parley.core.port.out.TelephonyAccounts;
import io.parley.core.telephony.ExotelAccount;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.telephony.TwilioAccount;
import io.parley.core.telephony.VapiAccount;
import io.parley.core.tenant.TenantId;
import io.parley.infrastructure.crypto.AesGcmSecretBox;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/** Tenants' telephony accounts in Postgres: secrets sealed, Twilio numbers in their own table, claims checked. */
@ApplicationScoped
@Transactional
public class PostgresTelephonyAccounts implements TelephonyAccounts {

    private static final String TWILIO = TelephonyProvider.TWILIO.code();
    private static final String EXOTEL = TelephonyProvider.EXOTEL.code();
    private static final String VAPI = TelephonyProvider.VAPI.code();

    private final TelephonyAccountMapper mapper;
    private final Clock clock;

    public PostgresTelephonyAccounts(AesGcmSecretBox box, Clock clock) {
        this.mapper = new TelephonyAccountMapper(box);
        this.clock = clock;
    }

    @Override
    public void saveTwilio(TwilioAccount account) {
        TelephonyClaims.requireNumbersFree(account.tenant(), account.numbers());
        store(account.tenant(), TWILIO, row -> mapper.copyInto(account, row));
        TelephonyNumberJpaEntity.delete("tenantId", account.tenant().value());
        for (int i = 0; i < account.numbers().size(); i++) {
            TelephonyNumberJpaEntity number = new TelephonyNumberJpaEntity();
            number.number = account.numbers().get(i);
            number.tenantId = account.tenant().value();
            number.provider = TWILIO;
            number.position = i;
            number.persist();
        }
    }

    @Override
    public void saveExotel(ExotelAccount account) {
        TelephonyClaims.requireExotelApiKeyFree(account.tenant(), account.apiKey());
        store(account.tenant(), EXOTEL, row -> mapper.copyInto(account, row));
    }

    @Override
    public void saveVapi(VapiAccount account) {
        TelephonyClaims.requireVapiSecretFree(account.tenant(),
                TelephonyAccountMapper.digest(account.secret().reveal()));
        store(account.tenant(), VAPI, row -> mapper.copyInto(account, row));
    }

    @Override
    public Optional<TwilioAccount> twilio(TenantId tenant) {
        return row(tenant, TWILIO).map(row -> mapper.toTwilio(row, TelephonyNumberJpaEntity
                .<TelephonyNumberJpaEntity>find("tenantId", Sort.by("position"), tenant.value()).stream()
                .map(number -> number.number).toList()));
    }

    @Override
    public Optional<ExotelAccount> exotel(TenantId tenant) {
        return row(tenant, EXOTEL).map(mapper::toExotel);
    }

    @Override
    public Optional<VapiAccount> vapi(TenantId tenant) {
        return row(tenant, VAPI).map(mapper::toVapi);
    }

    @Override
    public Optional<TwilioAccount> twilioByNumber(String number) {
        return TelephonyNumberJpaEntity.<TelephonyNumberJpaEntity>findByIdOptional(number)
                .flatMap(found -> twilio(new TenantId(found.tenantId)));
    }

    @Override
    public Optional<ExotelAccount> exotelByApiKey(String apiKey) {
        return TelephonyAccountJpaEntity.<TelephonyAccountJpaEntity>find("provider = ?1 and apiKey = ?2", EXOTEL,
                apiKey).firstResultOptional().map(mapper::toExotel);
    }

    @Override
    public Optional<VapiAccount> vapiBySecret(String secret) {
        return TelephonyAccountJpaEntity.<TelephonyAccountJpaEntity>find("provider = ?1 and secretDigest = ?2", VAPI,
                TelephonyAccountMapper.digest(secret)).firstResultOptional().map(mapper::toVapi)
                .filter(account -> MessageDigest.isEqual(account.secret().reveal().getBytes(StandardCharsets.UTF_8),
                        secret.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public boolean delete(TenantId tenant, TelephonyProvider provider) {
        return TelephonyAccountJpaEntity.delete("tenantId = ?1 and provider = ?2", tenant.value(),
                provider.code()) > 0;
    }

    private Optional<TelephonyAccountJpaEntity> row(TenantId tenant, String provider) {
        return TelephonyAccountJpaEntity.findByIdOptional(new TelephonyAccountJpaEntity.Key(tenant.value(), provider));
    }

    private void store(TenantId tenant, String provider, Consumer<TelephonyAccountJpaEntity> fill) {
        Instant now = clock.instant();
        TelephonyAccountJpaEntity row = row(tenant, provider).orElseGet(() -> {
            TelephonyAccountJpaEntity created = new TelephonyAccountJpaEntity();
            created.tenantId = tenant.value();
            created.provider = provider;
            created.createdAt = now;
            return created;
        });
        fill.accept(row);
        row.updatedAt = now;
        row.persist(); // a no-op for a row that was already there
    }
}

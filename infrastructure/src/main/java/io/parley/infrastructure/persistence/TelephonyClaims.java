package io.parley.infrastructure.persistence;

import io.parley.core.telephony.AlreadyClaimedException;
import io.parley.core.telephony.PhoneNumber;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.tenant.TenantId;
import java.util.List;

/**
 * Checks that no other tenant holds what a save claims (numbers, an Exotel API key, a Vapi secret), under one
 * transaction-scoped advisory lock that every telephony save takes, so two saves cannot both pass the check.
 */
final class TelephonyClaims {

    /** Key of the advisory lock ("parley" in ASCII, then 6 for the migration of these tables). */
    private static final long SAVE_LOCK = 0x7061726c6579_06L;

    private TelephonyClaims() {
    }

    static void requireNumbersFree(TenantId tenant, List<String> numbers) {
        lockSaves();
        TelephonyNumberJpaEntity.<TelephonyNumberJpaEntity>find("number in ?1 and tenantId <> ?2", numbers,
                tenant.value()).firstResultOptional().ifPresent(taken -> {
                    throw new AlreadyClaimedException(PhoneNumber.masked(taken.number));
                });
    }

    static void requireExotelApiKeyFree(TenantId tenant, String apiKey) {
        lockSaves();
        if (TelephonyAccountJpaEntity.count("provider = ?1 and apiKey = ?2 and tenantId <> ?3",
                TelephonyProvider.EXOTEL.code(), apiKey, tenant.value()) > 0) {
            throw new AlreadyClaimedException("api_key_claimed", "this Exotel apiKey is already configured by "
                    + "another tenant");
        }
    }

    static void requireVapiSecretFree(TenantId tenant, String secretDigest) {
        lockSaves();
        if (TelephonyAccountJpaEntity.count("provider = ?1 and secretDigest = ?2 and tenantId <> ?3",
                TelephonyProvider.VAPI.code(), secretDigest, tenant.value()) > 0) {
            throw new AlreadyClaimedException("secret_claimed", "this Vapi secret is already configured by another "
                    + "tenant; choose a fresh random one");
        }
    }

    private static void lockSaves() {
        TelephonyAccountJpaEntity.getEntityManager()
                .createNativeQuery("select count(*) from pg_advisory_xact_lock(?1)")
                .setParameter(1, SAVE_LOCK)
                .getSingleResult();
    }
}

package io.parley.presentation.telephony;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets only signed upgrades open a Twilio media stream: without {@code X-Twilio-Signature} → 403, and
 * 503 while no public URL is configured. Which tenant's token made the signature is only known at the
 * stream's {@code start}, where the signature is checked; it travels there in the connection's user data.
 */
@ApplicationScoped
public class TwilioUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<String> SIGNATURE = new UserData.TypedKey<>("parley.twilio-signature");

    private final PublicUrls urls;

    public TwilioUpgradeCheck(PublicUrls urls) {
        this.urls = urls;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return TwilioMediaSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (!urls.configured()) {
            return CheckResult.rejectUpgrade(503);
        }
        String signature = context.httpRequest().getHeader(TwilioWebhookResource.SIGNATURE);
        if (signature == null || signature.isBlank() || signature.length() > 200) {
            return CheckResult.rejectUpgrade(403);
        }
        context.userData().put(SIGNATURE, signature);
        return CheckResult.permitUpgrade();
    }
}

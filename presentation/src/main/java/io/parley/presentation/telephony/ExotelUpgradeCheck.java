package io.parley.presentation.telephony;

import io.parley.core.port.in.AuthenticateExotelStreamUseCase;
import io.parley.core.telephony.ExotelGrant;
import io.parley.core.voice.AudioEncoding;
import io.parley.core.voice.AudioFormat;
import io.parley.presentation.security.BasicCredentials;
import io.parley.presentation.security.FailedUpgrades;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lets only a tenant's Exotel account open a voicebot stream: HTTP Basic credentials (user = the account's API
 * key, password = its API token) checked on a worker, 401 without them or when wrong (audited), 429 to an address whose credentials
 * failed too often ({@link FailedUpgrades}); an optional
 * {@code ?sample-rate=8000|16000|24000} (8000 by default), 400 for anything else. The account and the
 * stream's audio format travel to the socket in the connection's user data.
 */
@ApplicationScoped
public class ExotelUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<ExotelGrant> GRANT = new UserData.TypedKey<>("parley.exotel-grant");
    static final UserData.TypedKey<AudioFormat> FORMAT = new UserData.TypedKey<>("parley.exotel-format");
    private static final String SAMPLE_RATE = "sample-rate";
    private static final List<String> SAMPLE_RATES = List.of("8000", "16000", "24000");
    private static final Map<String, List<String>> CHALLENGE = Map.of("WWW-Authenticate",
            List.of("Basic realm=\"parley-exotel\""));
    /** Answered (to nobody) when Exotel dropped the connection while its credentials were checked. */
    private static final int CLIENT_GONE = 499;

    private final AuthenticateExotelStreamUseCase authenticate;
    private final Vertx vertx;
    private final FailedUpgrades failures;

    public ExotelUpgradeCheck(AuthenticateExotelStreamUseCase authenticate, Vertx vertx, FailedUpgrades failures) {
        this.authenticate = authenticate;
        this.vertx = vertx;
        this.failures = failures;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return ExotelMediaSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        String address = FailedUpgrades.addressOf(request);
        Optional<Duration> wait = failures.refusal(address);
        if (wait.isPresent()) {
            return FailedUpgrades.tooMany(wait.get());
        }
        Optional<BasicCredentials> credentials = BasicCredentials.from(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            return CheckResult.rejectUpgrade(401, CHALLENGE);
        }
        List<String> rates = request.params().getAll(SAMPLE_RATE);
        if (rates.size() > 1 || rates.size() == 1 && !SAMPLE_RATES.contains(rates.get(0))) {
            return CheckResult.rejectUpgrade(400);
        }
        AudioFormat format = new AudioFormat(AudioEncoding.LINEAR16,
                rates.isEmpty() ? 8000 : Integer.parseInt(rates.get(0)));
        BasicCredentials presented = credentials.get();
        return vertx.executeBlocking(Uni.createFrom().item(
                () -> authenticate.authenticate(presented.user(), presented.password())), false)
                .map(grant -> {
                    if (request.response().closed()) {
                        return CheckResult.rejectUpgradeSync(CLIENT_GONE);
                    }
                    if (grant.isEmpty()) {
                        failures.failed(address);
                        return CheckResult.rejectUpgradeSync(401, CHALLENGE);
                    }
                    context.userData().put(GRANT, grant.get());
                    context.userData().put(FORMAT, format);
                    return CheckResult.permitUpgradeSync();
                });
    }
}

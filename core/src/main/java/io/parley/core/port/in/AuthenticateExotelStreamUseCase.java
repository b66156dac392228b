package io.parley.core.port.in;

import io.parley.core.telephony.ExotelGrant;
import java.util.Optional;

/** Authenticates an Exotel voicebot stream by the Basic credentials of its upgrade: an account's API key and token. */
public interface AuthenticateExotelStreamUseCase {

    /**
     * The account this key and token belong to (blocking: call it off the event loop); empty for an unknown
     * key or a wrong token, which is audited (without the token).
     */
    Optional<ExotelGrant> authenticate(String apiKey, String apiToken);
}

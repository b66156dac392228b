package io.parley.presentation.rest;

import io.parley.core.InvalidInputException;
import io.parley.core.port.in.ConfigureTelephonyUseCase;
import io.parley.core.telephony.ExotelAccount;
import io.parley.core.telephony.Secret;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.telephony.TwilioAccount;
import io.parley.core.telephony.VapiAccount;
import io.parley.core.tenant.TenantId;
import io.parley.presentation.security.TenantAuthentication;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/** The tenant's telephony settings (Twilio, Exotel, Vapi): secrets go in, and come back only masked. */
@Path("/api/v1/telephony")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TelephonySettingsResource {

    private final ConfigureTelephonyUseCase telephony;
    private final TenantAuthentication tenants;

    public TelephonySettingsResource(ConfigureTelephonyUseCase telephony, TenantAuthentication tenants) {
        this.telephony = telephony;
        this.tenants = tenants;
    }

    @PUT
    @Path("/twilio")
    public TwilioSettings putTwilio(@HeaderParam("X-Api-Key") String apiKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, TwilioSettings body) {
        TenantId tenant = tenant(apiKey, authorization);
        TwilioSettings settings = required(body);
        return TwilioSettings.masked(telephony.configure(new TwilioAccount(tenant, settings.accountSid(),
                secret(settings.authToken()), settings.numbers())));
    }

    @GET
    @Path("/twilio")
    public TwilioSettings getTwilio(@HeaderParam("X-Api-Key") String apiKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return TwilioSettings.masked(telephony.twilio(tenant(apiKey, authorization)));
    }

    @PUT
    @Path("/exotel")
    public ExotelSettings putExotel(@HeaderParam("X-Api-Key") String apiKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, ExotelSettings body) {
        TenantId tenant = tenant(apiKey, authorization);
        ExotelSettings settings = required(body);
        return ExotelSettings.masked(telephony.configure(new ExotelAccount(tenant, settings.accountSid(),
                settings.apiKey(), secret(settings.apiToken()))));
    }

    @GET
    @Path("/exotel")
    public ExotelSettings getExotel(@HeaderParam("X-Api-Key") String apiKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return ExotelSettings.masked(telephony.exotel(tenant(apiKey, authorization)));
    }

    @PUT
    @Path("/vapi")
    public VapiSettings putVapi(@HeaderParam("X-Api-Key") String apiKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, VapiSettings body) {
        TenantId tenant = tenant(apiKey, authorization);
        return VapiSettings.masked(telephony.configure(new VapiAccount(tenant, secret(required(body).secret()))));
    }

    @GET
    @Path("/vapi")
    public VapiSettings getVapi(@HeaderParam("X-Api-Key") String apiKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return VapiSettings.masked(telephony.vapi(tenant(apiKey, authorization)));
    }

    @DELETE
    @Path("/{provider: twilio|exotel|vapi}")
    public Response delete(@HeaderParam("X-Api-Key") String apiKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("provider") String provider) {
        telephony.remove(tenant(apiKey, authorization), TelephonyProvider.valueOf(provider.toUpperCase(Locale.ROOT)));
        return Response.noContent().build();
    }

    private TenantId tenant(String apiKey, String authorization) {
        return tenants.require(apiKey, authorization).id();
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw InvalidInputException.invalid("a JSON body with the provider's settings is required");
        }
        return body;
    }

    /** A missing secret stays null, for the account to reject with a message naming the field. */
    private static Secret secret(String value) {
        return value == null ? null : new Secret(value);
    }

    /** Twilio settings on the wire; shown with the auth token masked. */
    public record TwilioSettings(String accountSid, String authToken, List<String> numbers) {

        static TwilioSettings masked(TwilioAccount a) {
            return new TwilioSettings(a.accountSid(), a.authToken().masked(), a.numbers());
        }
    }

    /** Exotel settings on the wire; shown with the API token masked. */
    public record ExotelSettings(String accountSid, String apiKey, String apiToken) {

        static ExotelSettings masked(ExotelAccount a) {
            return new ExotelSettings(a.accountSid(), a.apiKey(), a.apiToken().masked());
        }
    }

    /** Vapi settings on the wire; shown with the secret masked. */
    public record VapiSettings(String secret) {

        static VapiSettings masked(VapiAccount a) {
            return new VapiSettings(a.secret().masked());
        }
    }
}

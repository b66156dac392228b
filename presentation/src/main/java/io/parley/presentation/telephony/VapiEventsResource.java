package io.parley.presentation.telephony;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.core.port.in.HandleVapiEventUseCase;
import io.parley.core.port.in.HandleVapiEventUseCase.Outcome;
import io.parley.presentation.rest.ApiError;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * Vapi's server-URL events, authenticated by a tenant's secret in {@code x-vapi-secret}: 200 with {@code {}}, or
 * with the tenant's agent to an {@code assistant-request}; otherwise a JSON error — 400 malformed, 401 no or unknown
 * secret, 403 another tenant's call, 413 a body over 1 MB.
 */
@Path("/telephony/vapi/events")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class VapiEventsResource {

    static final String SECRET = "x-vapi-secret";
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final HandleVapiEventUseCase handleEvent;
    private final ObjectMapper json;

    public VapiEventsResource(HandleVapiEventUseCase handleEvent, ObjectMapper json) {
        this.handleEvent = handleEvent;
        this.json = json;
    }

    @POST
    public Response event(@HeaderParam(SECRET) String secret, InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            return error(413, "payload_too_large", "the body must be at most " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            return error(400, "invalid_json", "the body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return error(400, "invalid_json", "the body must be a JSON object with a message");
        }
        Outcome outcome = handleEvent.handle(Optional.ofNullable(secret), VapiEventJson.read(root.path("message")));
        return outcome.accept(new Outcome.Visitor<Response>() {
            @Override
            public Response assistant(Outcome.Assistant assistant) {
                return Response.ok(VapiAssistantAnswer.of(assistant.agent())).build();
            }

            @Override
            public Response handled(Outcome.Handled handled) {
                return Response.ok(Map.of()).build();
            }

            @Override
            public Response ignored(Outcome.Ignored ignored) {
                return Response.ok(Map.of()).build();
            }

            @Override
            public Response unauthorized(Outcome.Unauthorized unauthorized) {
                return error(401, "unauthorized", unauthorized.reason());
            }

            @Override
            public Response forbidden(Outcome.Forbidden forbidden) {
                return error(403, "forbidden", forbidden.reason());
            }

            @Override
            public Response malformed(Outcome.Malformed malformed) {
                return error(400, "invalid_request", malformed.reason());
            }
        });
    }

    private static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message)).build();
    }
}

package io.parley.presentation.telephony;

import io.parley.core.port.in.AnswerTwilioCallUseCase;
import io.parley.core.port.in.AnswerTwilioCallUseCase.Answer;
import io.parley.core.port.in.UpdateTwilioCallUseCase;
import io.parley.core.telephony.SignedRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's webhooks: the incoming call (answered with TwiML), and the call's and its stream's status
 * callbacks. Every request must carry Twilio's signature over the public URL it was sent to.
 */
@Path("/telephony/twilio")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class TwilioWebhookResource {

    static final String SIGNATURE = "X-Twilio-Signature";
    private static final int MOST_PARAMS = 100;

    private final AnswerTwilioCallUseCase answerCall;
    private final UpdateTwilioCallUseCase updateCall;
    private final PublicUrls urls;

    public TwilioWebhookResource(AnswerTwilioCallUseCase answerCall, UpdateTwilioCallUseCase updateCall,
            PublicUrls urls) {
        this.answerCall = answerCall;
        this.updateCall = updateCall;
        this.urls = urls;
    }

    @POST
    @Path("/voice")
    public Response voice(@HeaderParam(SIGNATURE) String signature, MultivaluedMap<String, String> form,
            @Context UriInfo uri) {
        Optional<Response> refused = precheck(form);
        if (refused.isPresent()) {
            return refused.get();
        }
        Answer answer = answerCall.answer(signed("/telephony/twilio/voice", signature, form, uri));
        return answer.accept(new Answer.Visitor<Response>() {
            @Override
            public Response connect(Answer.Connect connect) {
                return xml(Twiml.connect(urls.websocketOf(TwilioMediaSocket.PATH),
                        urls.of("/telephony/twilio/stream-status", null), connect.callToken()));
            }

            @Override
            public Response unknownNumber(Answer.UnknownNumber unknown) {
                return xml(Twiml.notInService());
            }

            @Override
            public Response forbidden(Answer.Forbidden forbidden) {
                return text(403, forbidden.reason());
            }

            @Override
            public Response malformed(Answer.Malformed malformed) {
                return text(400, malformed.reason());
            }
        });
    }

    @POST
    @Path("/status")
    public Response status(@HeaderParam(SIGNATURE) String signature, MultivaluedMap<String, String> form,
            @Context UriInfo uri) {
        return precheck(form).orElseGet(() -> updated(updateCall.callStatus(
                signed("/telephony/twilio/status", signature, form, uri))));
    }

    @POST
    @Path("/stream-status")
    public Response streamStatus(@HeaderParam(SIGNATURE) String signature, MultivaluedMap<String, String> form,
            @Context UriInfo uri) {
        return precheck(form).orElseGet(() -> updated(updateCall.streamStatus(
                signed("/telephony/twilio/stream-status", signature, form, uri))));
    }

    /** Refuses what cannot be checked: no public URL configured, or a parameter given twice or too many. */
    private Optional<Response> precheck(MultivaluedMap<String, String> form) {
        if (!urls.configured()) {
            return Optional.of(text(503, "phone calls need parley.public-base-url"));
        }
        if (form.size() > MOST_PARAMS) {
            return Optional.of(text(400, "too many parameters"));
        }
        for (Map.Entry<String, List<String>> param : form.entrySet()) {
            if (param.getValue().size() > 1) {
                return Optional.of(text(400, "parameter " + param.getKey() + " is given more than once"));
            }
        }
        return Optional.empty();
    }

    private SignedRequest signed(String path, String signature, MultivaluedMap<String, String> form, UriInfo uri) {
        Map<String, String> params = new HashMap<>();
        form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        return new SignedRequest(urls.of(path, uri.getRequestUri().getRawQuery()), params,
                Optional.ofNullable(signature).filter(value -> !value.isBlank()));
    }

    private static Response updated(UpdateTwilioCallUseCase.Update update) {
        return switch (update) {
            case ACCEPTED -> Response.noContent().build();
            case FORBIDDEN -> text(403, "X-Twilio-Signature is missing or does not match the request");
            case UNKNOWN_CALL -> text(404, "no such call");
            case MALFORMED -> text(400, "CallSid, and a valid CallStatus and CallDuration, are required");
        };
    }

    private static Response xml(String twiml) {
        return Response.ok(twiml, MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8")).build();
    }

    private static Response text(int status, String reason) {
        return Response.status(status).entity(reason).type(MediaType.TEXT_PLAIN_TYPE).build();
    }
}

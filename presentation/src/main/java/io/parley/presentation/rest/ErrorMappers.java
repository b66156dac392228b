package io.parley.presentation.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.parley.core.InvalidInputException;
import io.parley.core.NotFoundException;
import io.parley.core.telephony.AlreadyClaimedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure of the REST API to a JSON {@link ApiError} with the right status; never a 500 for bad input. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response problem(ApiProblem e) {
        return respond(e.status(), e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return respond(400, e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(404, "not_found", e.getMessage());
    }

    @ServerExceptionMapper
    public Response numberClaimed(AlreadyClaimedException e) {
        return respond(409, e.code(), e.getMessage());
    }

    @ServerExceptionMapper(priority = 1)
    public Response badJson(JsonProcessingException e) {
        return respond(400, "invalid_json", "request body is not valid JSON of the expected shape: "
                + e.getOriginalMessage());
    }

    @ServerExceptionMapper(priority = 1)
    public Response badShape(MismatchedInputException e) {
        String field = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                .reduce((a, b) -> a + "." + b).orElse("body");
        return respond(400, "invalid_json", "\"" + field + "\" has the wrong type or shape");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json);
        }
        String reason = Response.Status.fromStatusCode(status) == null ? "error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(status, reason.toLowerCase(Locale.ROOT).replace(' ', '_'), reason);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure in the REST API", e);
        return respond(500, "internal_error", "the server failed to handle the request");
    }

    static Response respond(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message)).build();
    }
}

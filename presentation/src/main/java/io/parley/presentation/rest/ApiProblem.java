package io.parley.presentation.rest;

/** An HTTP error to answer with: status, stable code and message. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;

    public ApiProblem(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiProblem unauthorized(String message) {
        return new ApiProblem(401, "unauthorized", message);
    }

    public static ApiProblem forbidden(String message) {
        return new ApiProblem(403, "forbidden", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}

package com.qmailing.api.error;

import com.qmailing.events.common.ErrorCode;

import java.util.Map;

/**
 * A refusal at the HTTP edge, rendered as problem+json with the {@link ErrorCode}'s status and
 * code. {@code extras} become extra members ({@code requiredScopes}, {@code retryAfterSeconds}).
 */
public class ApiProblem extends RuntimeException {

    private final ErrorCode code;
    private final String detail;
    private final transient Map<String, Object> extras;

    public ApiProblem(ErrorCode code, String detail) {
        this(code, detail, Map.of());
    }

    public ApiProblem(ErrorCode code, String detail, Map<String, Object> extras) {
        super(code.code() + ": " + detail, null, false, false);
        this.code = code;
        this.detail = detail;
        this.extras = extras;
    }

    public static ApiProblem notFound() {
        return new ApiProblem(ErrorCode.NOT_FOUND, "not found");
    }

    public static ApiProblem invalid(String field, String reason) {
        return new ApiProblem(ErrorCode.VALIDATION_FAILED, field + ": " + reason);
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public Map<String, Object> extras() {
        return extras;
    }
}

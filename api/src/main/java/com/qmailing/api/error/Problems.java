package com.qmailing.api.error;

import com.qmailing.events.common.BusinessError;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Renders refusals as RFC 9457 problem+json, the one error format of the HTTP edge. */
public final class Problems {

    private Problems() {
    }

    public static Map<String, Object> body(ErrorCode code, String detail, Map<String, Object> extras) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:qmailing:problem:" + code.code());
        body.put("title", code.title());
        body.put("status", code.status());
        body.put("detail", detail);
        body.put("code", code.code());
        body.putAll(extras);
        return body;
    }

    /**
     * The refusal behind a failure, however the gateways wrapped it: an {@link ApiProblem}, a business
     * rule decided in the core, or a body over its limit. Empty for anything unexpected (a bug, an
     * outage), which each edge reports as an internal error. REST and MCP both classify with this.
     */
    public static Optional<ApiProblem> known(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ApiProblem problem) {
            return Optional.of(problem);
        }
        Optional<BusinessError> business = BusinessRuleException.errorOf(cause);
        if (business.isPresent()) {
            return Optional.of(new ApiProblem(business.get().code(), business.get().detail()));
        }
        if (cause instanceof PayloadTooLargeException tooLarge) {
            return Optional.of(new ApiProblem(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
        }
        return Optional.empty();
    }

    public static ResponseEntity<Object> response(ApiProblem problem) {
        return response(problem.code(), problem.detail(), problem.extras());
    }

    public static ResponseEntity<Object> response(ErrorCode code, String detail, Map<String, Object> extras) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(HttpStatus.valueOf(code.status()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (code == ErrorCode.UNAUTHORIZED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"qmailing\"");
        }
        Object retryAfter = extras.get("retryAfterSeconds");
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, retryAfter.toString());
        }
        return builder.body(body(code, detail, extras));
    }
}

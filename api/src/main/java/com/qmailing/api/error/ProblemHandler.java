package com.qmailing.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.qmailing.events.common.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Maps every failure of a request to problem+json with a stable code, once. Details name the field
 * at fault but never echo request content beyond its field names.
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> problem(ApiProblem problem) {
        return Problems.response(problem);
    }

    @ExceptionHandler({CompletionException.class, ExecutionException.class, RuntimeException.class})
    ResponseEntity<Object> failure(Exception failure) {
        Optional<ApiProblem> known = Problems.known(failure);
        if (known.isPresent()) {
            return Problems.response(known.get());
        }
        log.error("Unexpected failure while handling a request", failure);
        return Problems.response(ErrorCode.INTERNAL_ERROR, "internal error", Map.of());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException failure) {
        return Problems.response(ErrorCode.PAYLOAD_TOO_LARGE, failure.getMessage(), Map.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> uploadTooLarge(MaxUploadSizeExceededException failure) {
        return Problems.response(ErrorCode.PAYLOAD_TOO_LARGE, "body: larger than the configured limit", Map.of());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return payloadTooLarge(tooLarge);
            }
        }
        return Problems.response(ErrorCode.VALIDATION_FAILED, describe(failure.getCause()), Map.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> wrongParameter(MethodArgumentTypeMismatchException failure) {
        return Problems.response(ErrorCode.VALIDATION_FAILED, failure.getName() + ": invalid value", Map.of());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException failure) {
        return Problems.response(ErrorCode.VALIDATION_FAILED, failure.getParameterName() + ": required", Map.of());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Object> missingPart(MissingServletRequestPartException failure) {
        return Problems.response(ErrorCode.VALIDATION_FAILED, failure.getRequestPartName() + ": required", Map.of());
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Object> invalidArgument(HandlerMethodValidationException failure) {
        return Problems.response(ErrorCode.VALIDATION_FAILED, "request: invalid parameters", Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> methodNotAllowed(HttpRequestMethodNotSupportedException failure) {
        ResponseEntity<Object> response = Problems.response(ErrorCode.METHOD_NOT_ALLOWED,
                failure.getMethod() + " is not supported here", Map.of());
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        if (failure.getSupportedHttpMethods() != null) {
            headers.setAllow(failure.getSupportedHttpMethods());
        }
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> unsupportedMediaType(HttpMediaTypeNotSupportedException failure) {
        return Problems.response(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type: expected one of " + failure.getSupportedMediaTypes(), Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException failure) {
        return Problems.response(ErrorCode.NOT_ACCEPTABLE, "Accept: no acceptable representation", Map.of());
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Object> noSuchPath(Exception failure) {
        return Problems.response(ErrorCode.NOT_FOUND, "no such path", Map.of());
    }

    /** Names the field at fault in the words of the request (camelCase or snake_case as sent). */
    static String describe(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return path(unknown, unknown.getPropertyName()) + ": unknown field";
        }
        if (cause instanceof ValueInstantiationException instantiation) {
            return path(instantiation, "body") + ": invalid value";
        }
        if (cause instanceof InvalidFormatException invalid) {
            // An unknown enum constant is a bad value; a number where text belongs is a bad type.
            boolean badValue = invalid.getTargetType() != null && invalid.getTargetType().isEnum();
            return path(invalid, "body") + (badValue ? ": invalid value" : ": wrong type");
        }
        if (cause instanceof MismatchedInputException mismatch) {
            if (mismatch.getPath().isEmpty()) {
                return "body: must be a JSON object";
            }
            return path(mismatch, "body") + ": wrong type";
        }
        if (cause instanceof JsonMappingException mapping) {
            return path(mapping, "body") + ": invalid value";
        }
        if (cause instanceof JsonProcessingException) {
            return "body: malformed JSON";
        }
        return "body: required";
    }

    private static String path(JsonMappingException failure, String fallback) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? fallback : path.toString();
    }
}

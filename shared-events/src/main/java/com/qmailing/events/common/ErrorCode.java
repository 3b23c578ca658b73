package com.qmailing.events.common;

/**
 * Business and protocol failures with the HTTP status and the stable {@code code} every edge
 * reports them with (problem+json for REST, the error text of MCP tools).
 */
public enum ErrorCode {
    VALIDATION_FAILED("ValidationFailed", 400, "Validation failed"),
    UNAUTHORIZED("Unauthorized", 401, "Unauthorized"),
    PLAN_FEATURE_REQUIRED("PlanFeatureRequired", 402, "Plan feature required"),
    MAILBOX_QUOTA_EXCEEDED("MailboxQuotaExceeded", 402, "Mailbox quota exceeded"),
    STORAGE_QUOTA_EXCEEDED("StorageQuotaExceeded", 402, "Storage quota exceeded"),
    WEBHOOK_ENDPOINT_QUOTA_EXCEEDED("WebhookEndpointQuotaExceeded", 402, "Webhook endpoint quota exceeded"),
    INSUFFICIENT_SCOPE("InsufficientScope", 403, "Insufficient scope"),
    /** A request from a browser origin or to a host name the server does not answer to (DNS rebinding). */
    FORBIDDEN("Forbidden", 403, "Forbidden"),
    NOT_FOUND("NotFound", 404, "Not found"),
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("NotAcceptable", 406, "Not acceptable"),
    CONFLICT("Conflict", 409, "Conflict"),
    ADDRESS_TAKEN("AddressTaken", 409, "Address taken"),
    PAYLOAD_TOO_LARGE("PayloadTooLarge", 413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaType", 415, "Unsupported media type"),
    RATE_LIMIT_EXCEEDED("RateLimitExceeded", 429, "Rate limit exceeded"),
    /** The plan's sends for this UTC day are used up; a 429 that lifts at the next UTC midnight. */
    DAILY_SEND_LIMIT_REACHED("RateLimitExceeded", 429, "Daily send limit reached"),
    INTERNAL_ERROR("InternalError", 500, "Internal error"),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503, "Service unavailable");

    private final String code;
    private final int status;
    private final String title;

    ErrorCode(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    /** The machine-readable code on the wire. */
    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}

package com.qmailing.api.email;

/** PATCH body: each field present changes that property; absent fields stay as they are. */
public record UpdateEmailRequest(Boolean read, Boolean starred, String folder) {
}

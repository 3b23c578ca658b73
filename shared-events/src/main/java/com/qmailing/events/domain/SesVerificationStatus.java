package com.qmailing.events.domain;

public enum SesVerificationStatus {
    NOT_STARTED, PENDING, SUCCESS, FAILED, TEMPORARY_FAILURE
}

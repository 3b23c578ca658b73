package com.qmailing.events.account;

public enum AccountStatus {
    ACTIVE, DELETED
}

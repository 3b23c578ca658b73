package com.qmailing.events.mailbox;

public enum MailboxStatus {
    ACTIVE, DELETED
}

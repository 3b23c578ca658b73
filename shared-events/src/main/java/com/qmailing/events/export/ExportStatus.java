package com.qmailing.events.export;

public enum ExportStatus {
    RUNNING, DONE, FAILED
}

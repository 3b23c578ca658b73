package com.qmailing.events.projection;

public enum ProjectionStatus {
    /** Processing new events as they are stored. */
    RUNNING,
    /** Replaying the event store after a rebuild; its tables are incomplete until done. */
    REPLAYING,
    /** Stuck on an event it fails to handle, retrying. */
    ERROR,
    /** Not processing on this node. */
    STOPPED
}

package com.qmailing.query.consistency;

import java.util.OptionalLong;

/** Where in the event stream a write landed, for the read-your-writes barrier to wait for. */
interface EventPositions {

    /** The position to wait for after a write to the aggregate; empty when there is nothing to wait for. */
    OptionalLong after(String aggregateIdentifier);
}

package com.qmailing.query.consistency;

import java.util.List;

/** Where in the event stream writes landed, for the read-your-writes barrier to wait for. */
interface EventPositions {

    /**
     * The positions to wait for after writes to the aggregates (at most one each); empty when there
     * is nothing to wait for.
     */
    List<Long> after(List<String> aggregateIdentifiers);
}

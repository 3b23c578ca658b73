package com.qmailing.gateway.outbound;

import com.qmailing.events.common.EmailAddress;

import java.util.List;

/** {@code QMAILING_OUTBOUND=none}: only hosted mailboxes can be reached; everyone else bounces at once, saying why. */
final class NoOutboundTransport implements OutboundTransport {

    @Override
    public Result send(String envelopeFrom, List<EmailAddress> recipients, byte[] raw) {
        return Result.permanent("this server has no outbound transport (QMAILING_OUTBOUND=none): "
                + "only addresses hosted here can receive mail from it");
    }
}

package com.qmailing.gateway.message;

import com.qmailing.events.email.AttachmentView;
import com.qmailing.events.email.EmailContentView;
import com.qmailing.events.email.GetAttachmentQuery;
import com.qmailing.events.email.GetEmailContentQuery;
import com.qmailing.events.email.GetRawEmailQuery;
import com.qmailing.events.email.RawEmailView;
import com.qmailing.gateway.mime.MimeParser;
import com.qmailing.gateway.mime.ParsedMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Bodies and attachments are read from the raw message when asked for, never kept anywhere
 * else: the blob is the single, encrypted copy of the content.
 */
@Component
class MessageContents {

    private final QueryGateway queries;
    private final MimeParser parser;

    MessageContents(QueryGateway queries, MimeParser parser) {
        this.queries = queries;
        this.parser = parser;
    }

    @QueryHandler
    Optional<EmailContentView> handle(GetEmailContentQuery query) throws Exception {
        return raw(new GetRawEmailQuery(query.accountId(), query.emailId())).map(raw -> {
            ParsedMessage message = parser.parse(raw);
            return new EmailContentView(message.textBody(), message.htmlBody());
        });
    }

    @QueryHandler
    Optional<AttachmentView> handle(GetAttachmentQuery query) throws Exception {
        return raw(new GetRawEmailQuery(query.accountId(), query.emailId()))
                .flatMap(raw -> parser.attachment(raw, query.index()))
                .map(a -> new AttachmentView(a.info().filename(), a.info().contentType(), a.bytes()));
    }

    private Optional<byte[]> raw(GetRawEmailQuery query) throws InterruptedException, ExecutionException {
        return queries.query(query, ResponseTypes.optionalInstanceOf(RawEmailView.class)).get()
                .map(RawEmailView::raw);
    }
}

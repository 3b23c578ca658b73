package com.qmailing.api.mailbox;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.consistency.ReadYourWrites;
import com.qmailing.api.core.Gateways;
import com.qmailing.api.core.Ids;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.common.Change;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.common.MailboxLocalPart;
import com.qmailing.events.consistency.ReadModel;
import com.qmailing.events.mailbox.ChangeMailboxSettingsCommand;
import com.qmailing.events.mailbox.CreateMailboxCommand;
import com.qmailing.events.mailbox.DeleteMailboxCommand;
import com.qmailing.events.mailbox.GetMailboxQuery;
import com.qmailing.events.mailbox.MailboxStatus;
import com.qmailing.events.mailbox.MailboxView;
import com.qmailing.events.mailbox.RestoreMailboxCommand;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Mailbox operations of the public API, shared by REST and MCP so both answer alike. */
@Service
public class Mailboxes {

    private final Gateways gateways;
    private final RenderedMailboxes rendered;
    private final ReadYourWrites readYourWrites;
    private final String primaryDomain;

    Mailboxes(Gateways gateways, RenderedMailboxes rendered, ReadYourWrites readYourWrites,
              @Value("${qmailing.domain:qmailing.local}") String primaryDomain) {
        this.gateways = gateways;
        this.rendered = rendered;
        this.readYourWrites = readYourWrites;
        this.primaryDomain = primaryDomain;
    }

    public List<MailboxResponse> list(Caller caller) {
        return rendered.list(caller.accountId()).stream().map(mailbox -> MailboxResponse.of(mailbox.view())).toList();
    }

    /** {@link #list} as the JSON array REST answers, from renderings kept while they are current. */
    byte[] listJson(Caller caller) {
        return RenderedMailboxes.array(rendered.list(caller.accountId()));
    }

    public MailboxResponse get(Caller caller, String id) {
        MailboxId mailboxId = Ids.parse(id, MailboxId::parse);
        return gateways.one(new GetMailboxQuery(caller.accountId(), mailboxId), MailboxView.class)
                .map(MailboxResponse::of).orElseThrow(ApiProblem::notFound);
    }

    public MailboxResponse create(Caller caller, CreateMailboxRequest request) {
        if (request.localPart() == null) {
            throw ApiProblem.invalid("localPart", "must not be null");
        }
        if (MailboxLocalPart.normalize(request.localPart()) == null) {
            throw ApiProblem.invalid("localPart", MailboxLocalPart.RULE);
        }
        EmailAddress address;
        try {
            address = new EmailAddress(request.localPart(),
                    request.domain() == null ? primaryDomain : request.domain());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("domain", "not a valid domain");
        }
        MailboxId mailboxId = MailboxId.random();
        MailboxView created = gateways.send(new CreateMailboxCommand(mailboxId, caller.accountId(), address,
                request.displayName(), forwardTo(request.forwardTo()), Boolean.TRUE.equals(request.forwardOnly())));
        // A new mailbox shows in the mailbox list and get and in the account's usage, all read from
        // MAILBOXES; the account's next read of them waits for it, the create itself does not.
        readYourWrites.wrote(caller.accountId(), mailboxId, ReadModel.MAILBOXES);
        return MailboxResponse.of(created);
    }

    public MailboxResponse update(Caller caller, String id, UpdateMailboxRequest request) {
        MailboxId mailboxId = Ids.parse(id, MailboxId::parse);
        get(caller, id);
        Change<String> displayName = change(request.displayName());
        Change<EmailAddress> forwardTo = request.forwardTo() == null ? null
                : new Change<>(forwardTo(request.forwardTo().orElse(null)));
        gateways.sendAndSettle(new ChangeMailboxSettingsCommand(mailboxId, caller.accountId(), displayName,
                forwardTo, request.forwardOnly()), mailboxId);
        return get(caller, id);
    }

    /** Soft delete: the mailbox stops receiving now and is purged, with its mail, at the answered date. */
    public DeletedMailboxResponse delete(Caller caller, String id) {
        MailboxId mailboxId = Ids.parse(id, MailboxId::parse);
        get(caller, id);
        Instant purgeAt = gateways.sendAndSettle(new DeleteMailboxCommand(mailboxId, caller.accountId()), mailboxId);
        return new DeletedMailboxResponse(id, MailboxStatus.DELETED, purgeAt);
    }

    public MailboxResponse restore(Caller caller, String id) {
        MailboxId mailboxId = Ids.parse(id, MailboxId::parse);
        get(caller, id);
        gateways.sendAndSettle(new RestoreMailboxCommand(mailboxId, caller.accountId()), mailboxId);
        return get(caller, id);
    }

    private static EmailAddress forwardTo(String text) {
        if (text == null) {
            return null;
        }
        try {
            return EmailAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("forwardTo", "not a valid email address");
        }
    }

    private static <T> Change<T> change(Optional<T> field) {
        return field == null ? null : new Change<>(field.orElse(null));
    }
}

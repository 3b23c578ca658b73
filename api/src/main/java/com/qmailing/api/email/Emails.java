package com.qmailing.api.email;

import com.qmailing.api.auth.Caller;
import com.qmailing.api.core.Gateways;
import com.qmailing.api.core.Ids;
import com.qmailing.api.core.Page;
import com.qmailing.api.error.ApiProblem;
import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.ErrorCode;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.email.AttachmentView;
import com.qmailing.events.email.ChangeEmailFlagsCommand;
import com.qmailing.events.email.EmailContentView;
import com.qmailing.events.email.EmailPage;
import com.qmailing.events.email.EmailView;
import com.qmailing.events.email.Folder;
import com.qmailing.events.email.GetAttachmentQuery;
import com.qmailing.events.email.GetEmailContentQuery;
import com.qmailing.events.email.GetEmailQuery;
import com.qmailing.events.email.GetRawEmailChunksQuery;
import com.qmailing.events.email.ListEmailsQuery;
import com.qmailing.events.email.MoveEmailCommand;
import com.qmailing.events.email.PurgeEmailCommand;
import com.qmailing.events.email.RawEmailChunkView;
import com.qmailing.events.email.RestoreEmailCommand;
import com.qmailing.events.email.TrashEmailCommand;
import com.qmailing.events.mailbox.GetMailboxQuery;
import com.qmailing.events.mailbox.MailboxView;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Email operations of the public API, shared by REST and MCP so both answer alike. */
@Service
public class Emails {

    private final Gateways gateways;

    public Emails(Gateways gateways) {
        this.gateways = gateways;
    }

    public record Listing(List<EmailListItemResponse> emails, long total) {
    }

    /** A {@code mailboxId} of another account is a 404, as if it named nothing. */
    public Listing list(Caller caller, String mailboxId, String folder, Page page) {
        MailboxId mailbox = null;
        if (mailboxId != null && !mailboxId.isBlank()) {
            mailbox = Ids.parse(mailboxId, MailboxId::parse);
            gateways.one(new GetMailboxQuery(caller.accountId(), mailbox), MailboxView.class)
                    .orElseThrow(ApiProblem::notFound);
        }
        Folder listed = folder == null || folder.isBlank() ? Folder.INBOX : folder(folder);
        EmailPage result = gateways.single(new ListEmailsQuery(caller.accountId(), mailbox, listed, page.offset(),
                page.limit()), EmailPage.class);
        return new Listing(result.emails().stream().map(EmailListItemResponse::of).toList(), result.total());
    }

    public EmailDetailResponse get(Caller caller, String id) {
        EmailView view = view(caller, id);
        EmailContentView content = gateways.one(new GetEmailContentQuery(caller.accountId(), view.id()),
                EmailContentView.class).orElse(null);
        return EmailDetailResponse.of(view, content);
    }

    public AttachmentView attachment(Caller caller, String id, String index) {
        EmailView view = view(caller, id);
        int position;
        try {
            position = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound();
        }
        if (position < 0 || position >= view.attachments().size()) {
            throw ApiProblem.notFound();
        }
        return gateways.one(new GetAttachmentQuery(caller.accountId(), view.id(), position), AttachmentView.class)
                .orElseThrow(ApiProblem::notFound);
    }

    /**
     * The raw message as it is read, chunk by chunk. The first chunk is fetched here, so that a
     * message without bytes (purged meanwhile) is a 404 before the response starts.
     */
    public RawDownload raw(Caller caller, String id) {
        EmailView view = view(caller, id);
        Stream<RawEmailChunkView> chunks = gateways.stream(new GetRawEmailChunksQuery(caller.accountId(), view.id()),
                RawEmailChunkView.class, 2);
        Iterator<RawEmailChunkView> iterator = chunks.iterator();
        if (!iterator.hasNext()) {
            chunks.close();
            throw ApiProblem.notFound();
        }
        return new RawDownload(iterator.next(), iterator, chunks);
    }

    /** A raw message being downloaded; closing it cancels the query if the copy stopped early. */
    public static final class RawDownload implements AutoCloseable {

        private final RawEmailChunkView first;
        private final Iterator<RawEmailChunkView> rest;
        private final Stream<RawEmailChunkView> query;

        RawDownload(RawEmailChunkView first, Iterator<RawEmailChunkView> rest, Stream<RawEmailChunkView> query) {
            this.first = first;
            this.rest = rest;
            this.query = query;
        }

        public long length() {
            return first.totalBytes();
        }

        public void writeTo(OutputStream out) throws IOException {
            out.write(first.bytes());
            while (rest.hasNext()) {
                out.write(rest.next().bytes());
            }
        }

        @Override
        public void close() {
            query.close();
        }
    }

    /** Flags first, then the folder, so a single PATCH can mark read and move. */
    public EmailDetailResponse update(Caller caller, String id, UpdateEmailRequest request) {
        EmailView view = view(caller, id);
        Folder target = request.folder() == null ? null : folder(request.folder());
        if (target != null && target.isView()) {
            throw ApiProblem.invalid("folder", target + " is a view, not a folder an email can be moved to");
        }
        if (request.read() != null || request.starred() != null) {
            gateways.sendAndSettle(new ChangeEmailFlagsCommand(view.id(), caller.accountId(), request.read(),
                    request.starred()), view.id());
        }
        if (target != null) {
            gateways.sendAndSettle(new MoveEmailCommand(view.id(), caller.accountId(), target), view.id());
        }
        return get(caller, id);
    }

    public TrashedEmailResponse trash(Caller caller, String id) {
        EmailView view = view(caller, id);
        gateways.sendAndSettle(new TrashEmailCommand(view.id(), caller.accountId()), view.id());
        EmailView trashed = view(caller, id);
        return new TrashedEmailResponse(id, trashed.folder(), trashed.purgeAt());
    }

    /** Empties one email from the trash now; an email outside the trash is a 409 (trash it first). */
    public PurgedEmailResponse purge(Caller caller, String id) {
        EmailView view = view(caller, id);
        if (view.folder() != Folder.TRASH) {
            throw new ApiProblem(ErrorCode.CONFLICT, "email: only an email in the trash can be deleted permanently");
        }
        gateways.sendAndSettle(new PurgeEmailCommand(view.id(), caller.accountId(), PurgeEmailCommand.Cause.REQUESTED),
                view.id());
        return new PurgedEmailResponse(id, true);
    }

    public EmailDetailResponse restore(Caller caller, String id) {
        EmailView view = view(caller, id);
        gateways.sendAndSettle(new RestoreEmailCommand(view.id(), caller.accountId()), view.id());
        return get(caller, id);
    }

    private EmailView view(Caller caller, String id) {
        EmailId emailId = Ids.parse(id, EmailId::parse);
        return gateways.one(new GetEmailQuery(caller.accountId(), emailId), EmailView.class)
                .orElseThrow(ApiProblem::notFound);
    }

    private static Folder folder(String text) {
        try {
            return Folder.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("folder", "must be one of " + Arrays.toString(Folder.values()));
        }
    }
}

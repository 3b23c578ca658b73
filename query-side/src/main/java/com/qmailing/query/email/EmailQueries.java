package com.qmailing.query.email;

import com.qmailing.events.common.EmailId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.email.EmailPage;
import com.qmailing.events.email.EmailView;
import com.qmailing.events.email.Folder;
import com.qmailing.events.email.GetEmailQuery;
import com.qmailing.events.email.ListEmailsQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.qmailing.query.support.Rows.instant;
import static com.qmailing.query.support.Rows.uuid;

/** Lists and details of emails, newest first, always within the asking account. */
@Component
class EmailQueries {

    /** Whether a mute rule of the account covers the row's sender address or domain. */
    private static final String MUTED = "exists (select 1 from mute_rule_view r where r.account_id = e.account_id "
            + "and (r.pattern = e.from_key or r.pattern = e.from_domain))";

    private static final String SELECT = "select e.*, jsonb_array_length(e.attachments) > 0 as has_attachments, "
            + MUTED + " as muted";

    private final JdbcTemplate jdbc;

    EmailQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    EmailPage handle(ListEmailsQuery query) {
        long total = total(query);
        if (total == 0 || query.offset() >= total) {
            return new EmailPage(List.of(), total);
        }
        StringBuilder where = new StringBuilder(" from email_view e where e.account_id = ?");
        List<Object> arguments = new ArrayList<>(List.of(query.accountId().value()));
        if (query.mailboxId() != null) {
            where.append(" and e.mailbox_id = ?");
            arguments.add(query.mailboxId().value());
        }
        where.append(" and ").append(folderCondition(query.folder()));
        if (!query.folder().isView()) {
            arguments.add(query.folder().name());
        }
        arguments.add(query.offset());
        arguments.add(query.limit());
        List<EmailView> emails = jdbc.query(SELECT + where
                        + " order by e.received_at desc, e.email_id desc offset ? limit ?",
                (rs, row) -> view(rs), arguments.toArray());
        return new EmailPage(emails, total);
    }

    /**
     * The list's total from the projection's folder counters, not a count over the rows: with
     * 100,000 emails in a folder that count cost more than the page itself. Only muted mail is
     * counted row by row, and only among the senders of the account's mute rules.
     */
    private long total(ListEmailsQuery query) {
        Count count = switch (query.folder()) {
            case STARRED -> counted(query, "starred and folder <> ?", Folder.TRASH);
            case MUTED -> mutedInInbox(query);
            // One round trip for the INBOX, the list every client asks for most.
            case INBOX -> counted(query, "folder = ?", Folder.INBOX).minus(mutedInInbox(query));
            default -> counted(query, "folder = ?", query.folder());
        };
        return jdbc.queryForObject(count.sql(), Long.class, count.arguments().toArray());
    }

    private static Count counted(ListEmailsQuery query, String bucketCondition, Folder folder) {
        return Count.of(query, "select coalesce(sum(email_count), 0) from mailbox_folder_counts where account_id = ? and "
                + bucketCondition, List.of(query.accountId().value(), folder.name()), "mailbox_id");
    }

    private static Count mutedInInbox(ListEmailsQuery query) {
        return Count.of(query, "select count(*) from email_view e where e.account_id = ? and e.from_domain in "
                + "(select substring(r.pattern from '[^@]*$') from mute_rule_view r where r.account_id = ?) "
                + "and e.folder = 'INBOX' and " + MUTED, List.of(query.accountId().value(), query.accountId().value()),
                "e.mailbox_id");
    }

    /** A scalar count query and its arguments, narrowed to the query's mailbox when it names one. */
    private record Count(String sql, List<Object> arguments) {

        static Count of(ListEmailsQuery query, String sql, List<Object> arguments, String mailboxColumn) {
            if (query.mailboxId() == null) {
                return new Count(sql, arguments);
            }
            List<Object> narrowed = new ArrayList<>(arguments);
            narrowed.add(query.mailboxId().value());
            return new Count(sql + " and " + mailboxColumn + " = ?", narrowed);
        }

        Count minus(Count other) {
            List<Object> both = new ArrayList<>(arguments);
            both.addAll(other.arguments);
            return new Count("select (" + sql + ") - (" + other.sql + ")", both);
        }
    }

    @QueryHandler
    Optional<EmailView> handle(GetEmailQuery query) {
        return jdbc.query(SELECT + " from email_view e where e.email_id = ? "
                        + "and e.account_id = ?", (rs, row) -> view(rs), query.emailId().value(),
                query.accountId().value()).stream().findFirst();
    }

    /** STARRED and MUTED are views over the stored folders; the INBOX leaves muted senders out. */
    private static String folderCondition(Folder folder) {
        return switch (folder) {
            case STARRED -> "e.starred and e.folder <> 'TRASH'";
            case MUTED -> "e.folder = 'INBOX' and " + MUTED;
            case INBOX -> "e.folder = ? and not " + MUTED;
            default -> "e.folder = ?";
        };
    }

    private static EmailView view(ResultSet rs) throws SQLException {
        return new EmailView(new EmailId(uuid(rs, "email_id")), new MailboxId(uuid(rs, "mailbox_id")),
                Folder.valueOf(rs.getString("folder")), rs.getString("from_address"), rs.getString("to_address"),
                rs.getString("cc"), rs.getString("bcc"), rs.getString("subject"), rs.getString("preview_text"),
                rs.getBoolean("read"), rs.getBoolean("starred"), rs.getBoolean("muted"),
                rs.getBoolean("suspicious"), rs.getString("suspicious_reason"),
                rs.getBoolean("has_attachments"), instant(rs, "received_at"),
                rs.getString("message_id"), rs.getString("in_reply_to"), uuid(rs, "thread_id"),
                rs.getLong("size_bytes"), AttachmentsJson.read(rs.getString("attachments")),
                instant(rs, "purge_at"));
    }
}

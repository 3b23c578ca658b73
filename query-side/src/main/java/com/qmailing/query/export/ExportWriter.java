package com.qmailing.query.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.qmailing.events.account.AccountView;
import com.qmailing.events.account.GetAccountQuery;
import com.qmailing.events.account.GetUsageQuery;
import com.qmailing.events.account.UsageView;
import com.qmailing.events.audit.AccountEventView;
import com.qmailing.events.audit.ListAccountEventsQuery;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ExportId;
import com.qmailing.events.email.EmailPage;
import com.qmailing.events.email.EmailView;
import com.qmailing.events.email.Folder;
import com.qmailing.events.email.GetRawEmailQuery;
import com.qmailing.events.email.ListEmailsQuery;
import com.qmailing.events.email.ListMuteRulesQuery;
import com.qmailing.events.email.MuteRuleView;
import com.qmailing.events.email.RawEmailView;
import com.qmailing.events.export.ExportStatus;
import com.qmailing.events.export.ExportView;
import com.qmailing.events.mailbox.ListMailboxesQuery;
import com.qmailing.events.mailbox.MailboxView;
import com.qmailing.events.requestlog.ListRequestLogQuery;
import com.qmailing.events.requestlog.RequestLogPage;
import com.qmailing.events.token.ApiTokenView;
import com.qmailing.events.token.ListApiTokensQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes one export: a ZIP streamed to disk entry by entry (never whole in memory) with the account,
 * its mailboxes, its emails' metadata and exact raw bytes, its tokens (metadata only), mute rules,
 * webhooks, request log and its whole event history, decrypted. Everything is read through the
 * query gateway, as any reader of the core would.
 */
@Component
class ExportWriter {

    private static final Logger log = LoggerFactory.getLogger(ExportWriter.class);
    private static final int PAGE = 100;
    private static final int EVENT_PAGE = 500;
    /** Each stored email exactly once: the INBOX leaves muted senders out, and the MUTED view holds them. */
    private static final List<Folder> FOLDERS = List.of(Folder.INBOX, Folder.MUTED, Folder.SENT, Folder.DRAFTS,
            Folder.TRASH, Folder.SPAM);
    /** The files besides the raw messages, each one item of progress. */
    private static final int SECTIONS = 8;
    private static final int PROGRESS_EVERY = 25;

    private final QueryGateway queries;
    private final ExportJobs jobs;
    private final ExportFiles files;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    ExportWriter(QueryGateway queries, ExportJobs jobs, ExportFiles files, Clock clock) {
        this.queries = queries;
        this.jobs = jobs;
        this.files = files;
        this.clock = clock;
    }

    /** Writes the export from the start, whether it is its first run or a rerun after a crash. */
    void write(ExportId export) {
        ExportView job = jobs.find(export).orElse(null);
        if (job == null) {
            // Expired or purged with its account before it ran.
            return;
        }
        try {
            Path draft = files.draft(export);
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(files.open(draft)))) {
                new Assembly(export, job.accountId(), zip).write();
            }
            files.publish(export, draft);
            if (jobs.find(export).isEmpty()) {
                // Purged with its account (or expired) while it ran: the file must not outlive its job.
                files.delete(export);
                return;
            }
            jobs.finish(export, ExportStatus.DONE, clock.instant());
        } catch (IOException | RuntimeException e) {
            // The type only: a message could quote content.
            log.warn("Export {} failed: {}", export, e.getClass().getSimpleName());
            files.delete(export);
            jobs.finish(export, ExportStatus.FAILED, clock.instant());
        }
    }

    /** One run of one export, with its progress. */
    private final class Assembly {

        private final ExportId export;
        private final AccountId account;
        private final ZipOutputStream zip;
        private final long total;
        private long done;

        Assembly(ExportId export, AccountId account, ZipOutputStream zip) {
            this.export = export;
            this.account = account;
            this.zip = zip;
            this.total = SECTIONS + emailCount();
        }

        void write() throws IOException {
            jobs.progress(export, 0, total);
            Map<String, Object> accountFile = new LinkedHashMap<>();
            accountFile.put("account", one(new GetAccountQuery(account), AccountView.class));
            accountFile.put("usage", one(new GetUsageQuery(account), UsageView.class));
            entry("account.json", accountFile);
            entry("mailboxes.json", list(new ListMailboxesQuery(account), MailboxView.class));
            List<EmailView> emails = emailsJson();
            for (EmailView email : emails) {
                RawEmailView raw = one(new GetRawEmailQuery(account, email.id()), RawEmailView.class);
                if (raw != null) {
                    zip.putNextEntry(new ZipEntry("emails/" + email.mailboxId() + "/" + email.id() + ".eml"));
                    zip.write(raw.raw());
                    zip.closeEntry();
                }
                step();
            }
            entry("tokens.json", list(new ListApiTokensQuery(account), ApiTokenView.class));
            entry("mute-rules.json", list(new ListMuteRulesQuery(account), MuteRuleView.class));
            // No webhook model on this version: the file is there so the export's shape never changes.
            entry("webhooks.json", List.of());
            entry("request-log.json", requestLog());
            events();
            jobs.progress(export, total, total);
        }

        private long emailCount() {
            return FOLDERS.stream().mapToLong(folder -> emailPage(folder, 0, 1).total()).sum();
        }

        /** emails.json, written as the pages come; answers what the raw messages are looked up by. */
        private List<EmailView> emailsJson() throws IOException {
            List<EmailView> emails = new ArrayList<>();
            zip.putNextEntry(new ZipEntry("emails.json"));
            try (JsonGenerator out = json.createGenerator(zip)) {
                out.writeStartArray();
                for (Folder folder : FOLDERS) {
                    for (int offset = 0; ; offset += PAGE) {
                        EmailPage page = emailPage(folder, offset, PAGE);
                        for (EmailView email : page.emails()) {
                            json.writeValue(out, email);
                            emails.add(email);
                        }
                        if (page.emails().size() < PAGE) {
                            break;
                        }
                    }
                }
                out.writeEndArray();
            }
            zip.closeEntry();
            step();
            return emails;
        }

        private List<Object> requestLog() {
            List<Object> entries = new ArrayList<>();
            for (int offset = 0; ; offset += PAGE) {
                RequestLogPage page = single(new ListRequestLogQuery(account, offset, PAGE), RequestLogPage.class);
                entries.addAll(page.entries());
                if (page.entries().size() < PAGE) {
                    return entries;
                }
            }
        }

        /** The whole history as the audit replay shows it: one decrypted event per line. */
        private void events() throws IOException {
            zip.putNextEntry(new ZipEntry("events.ndjson"));
            long after = 0;
            List<AccountEventView> page;
            do {
                page = list(new ListAccountEventsQuery(account, after, null, EVENT_PAGE), AccountEventView.class);
                for (AccountEventView event : page) {
                    ObjectNode line = json.createObjectNode()
                            .put("globalIndex", event.globalIndex())
                            .put("timestamp", event.timestamp().toString())
                            .put("aggregateId", event.aggregateId())
                            .put("sequence", event.sequence())
                            .put("type", event.type())
                            .put("revision", event.revision());
                    line.set("payload", event.payload() == null ? NullNode.getInstance() : json.readTree(event.payload()));
                    zip.write(json.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(line));
                    zip.write('\n');
                    after = event.globalIndex();
                }
            } while (page.size() == EVENT_PAGE);
            zip.closeEntry();
            step();
        }

        private void entry(String name, Object value) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            json.writeValue(zip, value);
            zip.closeEntry();
            step();
        }

        private void step() {
            done++;
            if (done % PROGRESS_EVERY == 0) {
                jobs.progress(export, done, total);
            }
        }

        private EmailPage emailPage(Folder folder, int offset, int limit) {
            return single(new ListEmailsQuery(account, null, folder, offset, limit), EmailPage.class);
        }
    }

    private <R> R one(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(type)).join().orElse(null);
    }

    private <R> List<R> list(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(type)).join();
    }

    private <R> R single(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }
}

package com.qmailing.api.mailbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qmailing.api.core.Gateways;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.mailbox.GetMailboxesQuery;
import com.qmailing.events.mailbox.ListMailboxStampsQuery;
import com.qmailing.events.mailbox.MailboxStamp;
import com.qmailing.events.mailbox.MailboxView;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An account's mailbox list, each mailbox rendered to JSON once and kept while its row's version
 * and its counters stay the same. Reading and rendering every row of a 1,000-mailbox list took
 * about 4 ms of CPU per request (JVM and PostgreSQL); now the list is read as narrow stamps (id,
 * version, counters) and only the mailboxes new to this node or changed since are read whole.
 * <p>
 * Never stale: the stamps are read before the rows, so a kept copy is at least as new as the
 * version it is kept under, and row versions come from a sequence (a trigger gives every update
 * a new one), so a version never comes back with other contents. Each node keeps its own copies
 * and checks them against the database on every request. Bounded: past {@link #MAX_ENTRIES} the
 * copies are dropped and rendered again as they are asked for.
 */
@Component
class RenderedMailboxes {

    static final int MAX_ENTRIES = 20_000;

    /** One mailbox as the API shows it: {@code json} is {@code view} rendered. */
    record Rendered(long version, MailboxView view, byte[] json) {
    }

    private final Gateways gateways;
    private final ObjectMapper json;
    private final Map<MailboxId, Rendered> kept = new ConcurrentHashMap<>();

    RenderedMailboxes(Gateways gateways, ObjectMapper json) {
        this.gateways = gateways;
        this.json = json;
    }

    /** The account's mailboxes in list order, oldest first. */
    List<Rendered> list(AccountId account) {
        List<MailboxStamp> stamps = gateways.list(new ListMailboxStampsQuery(account), MailboxStamp.class);
        Rendered[] current = new Rendered[stamps.size()];
        List<MailboxId> changed = new ArrayList<>();
        for (int i = 0; i < current.length; i++) {
            MailboxStamp stamp = stamps.get(i);
            Rendered copy = kept.get(stamp.mailboxId());
            if (copy != null && copy.version() == stamp.version()) {
                current[i] = sameCounters(copy.view(), stamp) ? copy : keep(copy.version(), withCounters(copy.view(), stamp));
            } else {
                changed.add(stamp.mailboxId());
            }
        }
        Map<MailboxId, MailboxView> read = read(account, changed);
        List<Rendered> list = new ArrayList<>(current.length);
        for (int i = 0; i < current.length; i++) {
            MailboxStamp stamp = stamps.get(i);
            Rendered rendered = current[i];
            if (rendered == null) {
                MailboxView view = read.get(stamp.mailboxId());
                if (view == null) {
                    continue; // purged between the two reads
                }
                rendered = keep(stamp.version(), view);
            }
            list.add(rendered);
        }
        return list;
    }

    /** The list as the JSON array Jackson writes for it: the kept renderings, comma-separated. */
    static byte[] array(List<Rendered> list) {
        int length = 2 + Math.max(0, list.size() - 1);
        for (Rendered rendered : list) {
            length += rendered.json().length;
        }
        byte[] array = new byte[length];
        int at = 0;
        array[at++] = '[';
        for (Rendered rendered : list) {
            if (at > 1) {
                array[at++] = ',';
            }
            System.arraycopy(rendered.json(), 0, array, at, rendered.json().length);
            at += rendered.json().length;
        }
        array[at] = ']';
        return array;
    }

    private Map<MailboxId, MailboxView> read(AccountId account, List<MailboxId> changed) {
        if (changed.isEmpty()) {
            return Map.of();
        }
        Map<MailboxId, MailboxView> read = new HashMap<>();
        for (MailboxView view : gateways.list(new GetMailboxesQuery(account, changed), MailboxView.class)) {
            read.put(view.id(), view);
        }
        return read;
    }

    private Rendered keep(long version, MailboxView view) {
        Rendered rendered;
        try {
            rendered = new Rendered(version, view, json.writeValueAsBytes(MailboxResponse.of(view)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a mailbox did not render", e);
        }
        if (kept.size() >= MAX_ENTRIES) {
            kept.clear();
        }
        kept.put(view.id(), rendered);
        return rendered;
    }

    private static boolean sameCounters(MailboxView view, MailboxStamp stamp) {
        return view.emailCount() == stamp.emailCount() && view.unreadCount() == stamp.unreadCount()
                && view.sizeBytes() == stamp.sizeBytes();
    }

    private static MailboxView withCounters(MailboxView view, MailboxStamp stamp) {
        return new MailboxView(view.id(), view.accountId(), view.address(), view.localPart(), view.domain(),
                view.displayName(), view.forwardTo(), view.forwardOnly(), view.status(), stamp.emailCount(),
                stamp.unreadCount(), stamp.sizeBytes(), view.createdAt());
    }
}

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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An account's mailbox list, each mailbox rendered to JSON once and kept while its row's version
 * and its counters stay the same. Reading and rendering every row of a 1,000-mailbox list took
 * about 4 ms of CPU per request (JVM and PostgreSQL); now the list is read as narrow stamps (id,
 * version, counters) and only the mailboxes new to this node or changed since are read whole.
 * <p>
 * Never stale: the stamps are read before the rows, so a kept copy is at least as new as the
 * version it is kept under, and row versions come from a sequence (a trigger gives every update
 * a new one), so a version never comes back with other contents. Each node keeps its own copies
 * and checks them against the database on every request.
 * <p>
 * The copies hold personal data (addresses, names), so they last no longer than they serve
 * (PRIVACY.md P12, no copies beyond the purge): each list keeps exactly the account's listed
 * mailboxes, so a purged one's copy goes with the account's next list, and an account not listed
 * for {@link #KEEP_FOR} loses all its copies. At most {@link #MAX_ENTRIES} are kept in all; past
 * that a list is answered from fresh reads, as before.
 */
@Component
class RenderedMailboxes {

    static final int MAX_ENTRIES = 20_000;
    static final Duration KEEP_FOR = Duration.ofMinutes(5);

    /** One mailbox as the API shows it: {@code json} is {@code view} rendered. */
    record Rendered(long version, MailboxView view, byte[] json) {
    }

    /** An account's copies as of its last list. */
    private record Copies(Map<MailboxId, Rendered> byMailbox, Instant listedAt) {
    }

    private final Gateways gateways;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<AccountId, Copies> kept = new ConcurrentHashMap<>();
    /** Copies kept in all; exact after each sweep, approximate between (concurrent lists of one account). */
    private final AtomicInteger keptCount = new AtomicInteger();

    RenderedMailboxes(Gateways gateways, ObjectMapper json, Clock clock) {
        this.gateways = gateways;
        this.json = json;
        this.clock = clock;
    }

    /** The account's mailboxes in list order, oldest first. */
    List<Rendered> list(AccountId account) {
        List<MailboxStamp> stamps = gateways.list(new ListMailboxStampsQuery(account), MailboxStamp.class);
        Copies before = kept.get(account);
        Map<MailboxId, Rendered> previous = before == null ? Map.of() : before.byMailbox();
        Rendered[] current = new Rendered[stamps.size()];
        List<MailboxId> changed = new ArrayList<>();
        for (int i = 0; i < current.length; i++) {
            MailboxStamp stamp = stamps.get(i);
            Rendered copy = previous.get(stamp.mailboxId());
            if (copy != null && copy.version() == stamp.version()) {
                current[i] = sameCounters(copy.view(), stamp) ? copy
                        : render(copy.version(), withCounters(copy.view(), stamp));
            } else {
                changed.add(stamp.mailboxId());
            }
        }
        Map<MailboxId, MailboxView> read = read(account, changed);
        List<Rendered> list = new ArrayList<>(current.length);
        Map<MailboxId, Rendered> listed = new HashMap<>();
        for (int i = 0; i < current.length; i++) {
            MailboxStamp stamp = stamps.get(i);
            Rendered rendered = current[i];
            if (rendered == null) {
                MailboxView view = read.get(stamp.mailboxId());
                if (view == null) {
                    continue; // purged between the two reads
                }
                rendered = render(stamp.version(), view);
            }
            list.add(rendered);
            listed.put(stamp.mailboxId(), rendered);
        }
        keep(account, previous.size(), listed);
        return list;
    }

    /** Drops the copies of accounts not listed for {@link #KEEP_FOR}, and counts what stays. */
    @Scheduled(fixedDelay = 30_000)
    void forgetUnlisted() {
        forgetListedBefore(clock.instant().minus(KEEP_FOR));
    }

    void forgetListedBefore(Instant oldest) {
        kept.values().removeIf(copies -> copies.listedAt().isBefore(oldest));
        keptCount.set(keptCopies());
    }

    /** How many mailbox renderings are kept, over all accounts. */
    int keptCopies() {
        return kept.values().stream().mapToInt(copies -> copies.byMailbox().size()).sum();
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

    private Rendered render(long version, MailboxView view) {
        try {
            return new Rendered(version, view, json.writeValueAsBytes(MailboxResponse.of(view)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a mailbox did not render", e);
        }
    }

    /** The account's listed mailboxes replace its copies; none of a mailbox no longer listed stays. */
    private void keep(AccountId account, int previously, Map<MailboxId, Rendered> listed) {
        if (keptCount.get() - previously + listed.size() > MAX_ENTRIES) {
            if (kept.remove(account) != null) {
                keptCount.addAndGet(-previously);
            }
            return;
        }
        kept.put(account, new Copies(listed, clock.instant()));
        keptCount.addAndGet(listed.size() - previously);
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

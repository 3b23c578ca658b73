package com.qmailing.command.config;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An aggregate cache of the most recently used entries, each kept for a limited time. The email
 * aggregate is loaded again right after it was written (the delivery outcome follows the send by
 * milliseconds); a weak-reference cache lost it at the next young collection, so every outcome
 * re-read the email's events and opened their sealed fields. Size is bounded by {@code maxEntries};
 * an entry older than {@code maxAge} is never returned and is dropped when met.
 */
public final class RecentAggregates implements Cache {

    private record Entry(Object value, Instant storedAt) {
    }

    private final int maxEntries;
    private final Duration maxAge;
    private final Clock clock;
    private final Set<EntryListener> listeners = new CopyOnWriteArraySet<>();
    private final LinkedHashMap<Object, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    public RecentAggregates(int maxEntries, Duration maxAge, Clock clock) {
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (expired(entry, clock.instant())) {
            entries.remove(key);
            listeners.forEach(listener -> listener.onEntryExpired(key));
            return null;
        }
        listeners.forEach(listener -> listener.onEntryRead(key, entry.value()));
        return (V) entry.value();
    }

    @Override
    public synchronized void put(Object key, Object value) {
        Entry previous = entries.put(key, new Entry(value, clock.instant()));
        listeners.forEach(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
        evict();
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (get(key) != null) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T present = get(key);
        if (present != null) {
            return present;
        }
        T value = valueSupplier.get();
        put(key, value);
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V present = get(key);
        if (present == null) {
            return;
        }
        V updated = update.apply(present);
        if (updated == null) {
            remove(key);
        } else {
            put(key, updated);
        }
    }

    @Override
    public synchronized boolean remove(Object key) {
        if (entries.remove(key) == null) {
            return false;
        }
        listeners.forEach(listener -> listener.onEntryRemoved(key));
        return true;
    }

    @Override
    public synchronized void removeAll() {
        for (Object key : Set.copyOf(entries.keySet())) {
            remove(key);
        }
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        Entry entry = entries.get(key);
        return entry != null && !expired(entry, clock.instant());
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    synchronized int size() {
        return entries.size();
    }

    /**
     * Drops from the least recently used end while there are too many or the entry there is past
     * its age; an old entry further in is dropped when it is next read or pushed out by size.
     */
    private void evict() {
        Instant now = clock.instant();
        Iterator<Map.Entry<Object, Entry>> eldest = entries.entrySet().iterator();
        while (eldest.hasNext()) {
            Map.Entry<Object, Entry> next = eldest.next();
            boolean over = entries.size() > maxEntries;
            boolean old = expired(next.getValue(), now);
            if (!over && !old) {
                return;
            }
            eldest.remove();
            Object key = next.getKey();
            listeners.forEach(listener -> listener.onEntryExpired(key));
        }
    }

    private boolean expired(Entry entry, Instant now) {
        return entry.storedAt().plus(maxAge).isBefore(now);
    }
}

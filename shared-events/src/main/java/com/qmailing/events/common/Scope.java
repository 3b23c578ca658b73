package com.qmailing.events.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** What a token may do; the wire strings are fixed by the hosted API. */
public enum Scope {
    MAILBOXES_READ("mailboxes:read"),
    MAILBOXES_WRITE("mailboxes:write"),
    DOMAINS_READ("domains:read"),
    DOMAINS_WRITE("domains:write"),
    EMAIL_READ("email:read"),
    EMAIL_SEND("email:send"),
    WEBHOOKS_READ("webhooks:read"),
    WEBHOOKS_WRITE("webhooks:write"),
    ALL("*");

    /** Accepted at issue as shorthand for both webhook scopes. */
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";

    private final String wire;

    Scope(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Scope fromWire(String text) {
        for (Scope scope : values()) {
            if (scope.wire.equals(text)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope");
    }

    /** @throws IllegalArgumentException naming the first unknown scope string */
    public static Set<Scope> parseAll(Collection<String> texts) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String text : texts) {
            if (WEBHOOKS_MANAGE.equals(text)) {
                scopes.add(WEBHOOKS_READ);
                scopes.add(WEBHOOKS_WRITE);
            } else {
                try {
                    scopes.add(fromWire(text));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown scope '" + text + "'");
                }
            }
        }
        return scopes;
    }

    /** Reads scopes back from their stored wire strings. */
    public static Set<Scope> fromWires(String[] wires) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String wire : wires) {
            scopes.add(fromWire(wire));
        }
        return scopes;
    }

    /** The wire strings of the scopes, sorted, as they are stored. */
    public static String[] toWires(Set<Scope> scopes) {
        return scopes.stream().map(Scope::wire).sorted().toArray(String[]::new);
    }

    public static boolean grants(Set<Scope> held, Scope required) {
        return held.contains(ALL) || held.contains(required);
    }
}

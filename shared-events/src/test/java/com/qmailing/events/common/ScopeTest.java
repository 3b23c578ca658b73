package com.qmailing.events.common;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScopeTest {

    @Test
    void parseAllReadsEveryWireString() {
        List<String> wires = Arrays.stream(Scope.values()).map(Scope::wire).toList();

        assertThat(Scope.parseAll(wires)).containsExactlyInAnyOrder(Scope.values());
    }

    @Test
    void webhooksManageExpandsToBothWebhookScopes() {
        assertThat(Scope.parseAll(List.of("webhooks:manage")))
                .containsExactlyInAnyOrder(Scope.WEBHOOKS_READ, Scope.WEBHOOKS_WRITE);
    }

    @Test
    void webhooksManageMergesWithTheScopesAlreadyNamed() {
        assertThat(Scope.parseAll(List.of("mailboxes:read", "webhooks:read", "webhooks:manage")))
                .containsExactlyInAnyOrder(Scope.MAILBOXES_READ, Scope.WEBHOOKS_READ, Scope.WEBHOOKS_WRITE);
    }

    @Test
    void webhooksManageIsShorthandOnlyAndNeverAScopeOfItsOwn() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scope.fromWire("webhooks:manage"));
    }

    @Test
    void anUnknownScopeIsRefusedByName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Scope.parseAll(List.of("mailboxes:read", "mailboxes:delete", "email:read")))
                .withMessageContaining("'mailboxes:delete'");
    }

    @Test
    void wireStringsAreCaseSensitive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Scope.parseAll(List.of("Mailboxes:Read")))
                .withMessageContaining("'Mailboxes:Read'");
    }

    @Test
    void noScopesParseToAnEmptySet() {
        assertThat(Scope.parseAll(List.of())).isEmpty();
    }

    @Test
    void storedWiresAreSortedAndReadBack() {
        Set<Scope> scopes = Set.of(Scope.WEBHOOKS_READ, Scope.EMAIL_SEND, Scope.DOMAINS_READ);

        String[] wires = Scope.toWires(scopes);

        assertThat(wires).containsExactly("domains:read", "email:send", "webhooks:read");
        assertThat(Scope.fromWires(wires)).isEqualTo(scopes);
    }

    @Test
    void allGrantsEveryScope() {
        for (Scope scope : Scope.values()) {
            assertThat(Scope.grants(Set.of(Scope.ALL), scope)).isTrue();
        }
        assertThat(Scope.grants(Set.of(Scope.MAILBOXES_READ), Scope.MAILBOXES_WRITE)).isFalse();
    }
}

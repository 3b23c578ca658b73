package com.qmailing.app.bootstrap;

import com.qmailing.api.auth.ApiTokens;
import com.qmailing.api.auth.TokenIssuer;
import com.qmailing.api.core.Gateways;
import com.qmailing.app.crypto.OwnerOnlyFiles;
import com.qmailing.events.account.AccountUsageView;
import com.qmailing.events.account.CreateAccountCommand;
import com.qmailing.events.account.ListAccountsQuery;
import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.EmailAddress;
import com.qmailing.events.common.MailboxId;
import com.qmailing.events.common.Plan;
import com.qmailing.events.common.Scope;
import com.qmailing.events.mailbox.CreateMailboxCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * First start with an empty store: the operator account ({@code admin@<domain>}, plan PRO_MAX)
 * with its mailbox and a {@code *} token — {@code QMAILING_BOOTSTRAP_TOKEN}, or a random one shown
 * once on the console and written to {@code <data dir>/bootstrap-token} (mode 0600).
 */
@Component
@Order(0)
class OperatorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final Gateways gateways;
    private final TokenIssuer tokens;
    private final String domain;
    private final String configuredToken;
    private final Path dataDir;

    OperatorBootstrap(Gateways gateways, TokenIssuer tokens, @Value("${qmailing.domain:qmailing.local}") String domain,
                      @Value("${qmailing.bootstrap-token:}") String configuredToken,
                      @Value("${qmailing.data-dir:./data}") Path dataDir) {
        this.gateways = gateways;
        this.tokens = tokens;
        this.domain = domain;
        this.configuredToken = configuredToken;
        this.dataDir = dataDir;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!gateways.list(new ListAccountsQuery(0, 1), AccountUsageView.class).isEmpty()) {
            return;
        }
        String token = configuredToken.isBlank() ? ApiTokens.generate() : configuredToken.trim();
        if (!ApiTokens.isWellFormed(token)) {
            throw new IllegalStateException("QMAILING_BOOTSTRAP_TOKEN must be qm_live_ followed by 32 letters or digits");
        }
        AccountId operator = AccountId.random();
        EmailAddress address = new EmailAddress("admin", domain);
        try {
            gateways.send(new CreateAccountCommand(operator, address, "Operator", Plan.PRO_MAX));
        } catch (BusinessRuleException e) {
            log.info("Bootstrap: another node created the operator account first");
            return;
        }
        MailboxId mailbox = MailboxId.random();
        gateways.sendAndSettle(new CreateMailboxCommand(mailbox, operator, address, "Operator", null, false), mailbox);
        tokens.issue(operator, "bootstrap", EnumSet.of(Scope.ALL), null, token);
        log.info("Bootstrap: created the operator account and its mailbox");
        if (configuredToken.isBlank()) {
            announce(token);
        }
    }

    /** The one place a token is shown: the console (not the log files) and an owner-only file. */
    private void announce(String token) {
        Path file = dataDir.resolve("bootstrap-token");
        try {
            Files.createDirectories(dataDir);
            OwnerOnlyFiles.write(file, token + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        System.out.println();
        System.out.println("  QMailing operator token (shown once, also in " + file + "):");
        System.out.println("  " + token);
        System.out.println();
    }
}

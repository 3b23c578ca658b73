package com.qmailing.command.mailbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the appended storage entries into each mailbox's counter and its account's, which the
 * quota check reads ({@link AddressRegistry#receiverOf}). One statement: the rows it deletes are
 * exactly the rows it adds, so no entry is counted twice or lost. The account's share is summed
 * from the mailbox rows the statement updated, so entries of a mailbox released meanwhile count
 * nowhere; folds on several nodes at once each add only the rows they deleted. Each counter stops
 * at zero (an account's first fold, which a removal cannot precede, is stored as it is).
 * Scheduling is switched on here too, because a command node of a split deployment has no web
 * module that would do it.
 */
@Component
@EnableScheduling
public class StorageCount {

    private final JdbcTemplate jdbc;

    public StorageCount(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${qmailing.storage-fold-interval:PT1S}")
    public void fold() {
        jdbc.update("with folded as (delete from mailbox_storage_entries returning mailbox_id, bytes), "
                + "per_mailbox as (select mailbox_id, sum(bytes) as bytes from folded group by mailbox_id), "
                + "counted as (update mailbox_address_registry r set storage_bytes = greatest(r.storage_bytes + p.bytes, 0) "
                + "from per_mailbox p where r.mailbox_id = p.mailbox_id returning r.account_id, p.bytes), "
                + "per_account as (select account_id, sum(bytes) as bytes from counted group by account_id) "
                + "insert into account_storage as a (account_id, storage_bytes) "
                + "select account_id, bytes from per_account on conflict (account_id) "
                + "do update set storage_bytes = greatest(a.storage_bytes + excluded.storage_bytes, 0)");
    }
}

package com.qmailing.command.mailbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the appended storage entries into each mailbox's counter, so the quota check sums a few
 * recent rows rather than every email ever received. One statement: the rows it deletes are
 * exactly the rows it adds, so a reader sees them either as entries or in the counter, never in
 * both or neither. Entries committed while it runs wait for the next fold; folds on several nodes
 * at once each take only the rows they deleted. Scheduling is switched on here too, because a
 * command node of a split deployment has no web module that would do it.
 */
@Component
@EnableScheduling
public class StorageCount {

    private final JdbcTemplate jdbc;

    StorageCount(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${qmailing.storage-fold-interval:PT1S}")
    public void fold() {
        jdbc.update("with folded as (delete from mailbox_storage_entries returning mailbox_id, bytes), "
                + "per_mailbox as (select mailbox_id, sum(bytes) as bytes from folded group by mailbox_id) "
                + "update mailbox_address_registry r set storage_bytes = greatest(r.storage_bytes + p.bytes, 0) "
                + "from per_mailbox p where r.mailbox_id = p.mailbox_id");
    }
}

package com.qmailing.query.export;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.ExportId;
import com.qmailing.events.export.ExportStatus;
import com.qmailing.events.export.ExportView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.qmailing.query.support.Rows.instant;
import static com.qmailing.query.support.Rows.timestamp;
import static com.qmailing.query.support.Rows.uuid;

/** The export jobs' rows: who asked, how far the job got, and whether it is done. */
@Component
class ExportJobs {

    private final JdbcTemplate jdbc;

    ExportJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void start(ExportId export, AccountId account, Instant at) {
        jdbc.update("insert into account_export (export_id, account_id, status, created_at) values (?, ?, ?, ?)",
                export.value(), account.value(), ExportStatus.RUNNING.name(), timestamp(at));
    }

    Optional<ExportView> find(ExportId export) {
        return jdbc.query("select * from account_export where export_id = ?", (rs, row) -> view(rs), export.value())
                .stream().findFirst();
    }

    /** A restarted job starts over, so its progress does too. */
    void progress(ExportId export, long done, long total) {
        jdbc.update("update account_export set status = ?, items_done = ?, items_total = ?, finished_at = null "
                + "where export_id = ?", ExportStatus.RUNNING.name(), done, total, export.value());
    }

    void finish(ExportId export, ExportStatus status, Instant at) {
        jdbc.update("update account_export set status = ?, finished_at = ? where export_id = ?", status.name(),
                timestamp(at), export.value());
    }

    List<ExportId> ofAccount(AccountId account) {
        return jdbc.queryForList("select export_id from account_export where account_id = ?", UUID.class,
                account.value()).stream().map(ExportId::new).toList();
    }

    List<ExportId> createdBefore(Instant cutoff) {
        return jdbc.queryForList("select export_id from account_export where created_at < ?", UUID.class,
                Timestamp.from(cutoff)).stream().map(ExportId::new).toList();
    }

    void delete(ExportId export) {
        jdbc.update("delete from account_export where export_id = ?", export.value());
    }

    private static ExportView view(ResultSet rs) throws SQLException {
        return new ExportView(new ExportId(uuid(rs, "export_id")), new AccountId(uuid(rs, "account_id")),
                ExportStatus.valueOf(rs.getString("status")), rs.getLong("items_done"), rs.getLong("items_total"),
                instant(rs, "created_at"), instant(rs, "finished_at"));
    }
}

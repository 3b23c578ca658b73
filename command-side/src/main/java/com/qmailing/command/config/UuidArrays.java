package com.qmailing.command.config;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Set-based statements over many ids at once: one {@code uuid[]} parameter, {@code = any(?)} in the SQL. */
public final class UuidArrays {

    private UuidArrays() {
    }

    /** Runs a statement whose only parameter is the ids as one array; @return the rows it touched. */
    public static int update(JdbcTemplate jdbc, String sql, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.update(sql, statement -> statement.setArray(1, array(statement.getConnection(), ids)));
    }

    /** Runs a query whose only parameter is the ids as one array, returning one uuid column. */
    public static List<UUID> queryForUuids(JdbcTemplate jdbc, String sql, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(sql, statement -> statement.setArray(1, array(statement.getConnection(), ids)),
                (row, index) -> row.getObject(1, UUID.class));
    }

    private static Array array(java.sql.Connection connection, Collection<UUID> ids) throws java.sql.SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }
}

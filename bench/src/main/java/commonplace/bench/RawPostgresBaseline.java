package commonplace.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the machine allows: single-row transactions straight into PostgreSQL over JDBC, into a table shaped like the
 * event store's, with the same number of concurrent clients as the commonplace run. Each client has its own
 * connection and commits every insert (fsync-bound, like an appended event).
 */
final class RawPostgresBaseline {

    private final String jdbcUrl;
    private final String user;
    private final String password;

    RawPostgresBaseline(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    LoadGenerator.Result run(int clients, Duration warmUp, Duration measured, long transactions) throws Exception {
        try (Connection admin = DriverManager.getConnection(jdbcUrl, user, password);
             Statement ddl = admin.createStatement()) {
            ddl.execute("drop table if exists bench_raw_event");
            ddl.execute("""
                    create table bench_raw_event (
                        global_index bigserial primary key,
                        aggregate_identifier varchar(255) not null,
                        sequence_number bigint not null,
                        event_identifier varchar(255) not null unique,
                        payload_type varchar(255) not null,
                        payload bytea not null,
                        meta_data bytea,
                        time_stamp varchar(255) not null,
                        unique (aggregate_identifier, sequence_number))""");
        }
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> inserts = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
            connections.add(connection);
            inserts.add(connection.prepareStatement("""
                    insert into bench_raw_event (aggregate_identifier, sequence_number, event_identifier, payload_type,
                        payload, meta_data, time_stamp) values (?, ?, ?, ?, ?, ?, ?)"""));
        }
        Corpus corpus = new Corpus(7);
        byte[][] payloads = new byte[64][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = ("{\"body\":\"" + corpus.body().replace("\"", "'").replace("\n", " ") + "\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            return LoadGenerator.run(clients, 0, warmUp, measured, transactions, (client, index) -> {
                PreparedStatement insert = inserts.get(client);
                insert.setString(1, "raw-" + client);
                insert.setLong(2, index);
                insert.setString(3, UUID.randomUUID().toString());
                insert.setString(4, "commonplace.events.CommentPosted");
                insert.setBytes(5, payloads[(int) (index % payloads.length)]);
                insert.setBytes(6, "{}".getBytes());
                insert.setString(7, Instant.now().toString());
                insert.executeUpdate();
                return 201;
            });
        } finally {
            for (Connection connection : connections) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing after the measurement; nothing to keep
                }
            }
        }
    }
}

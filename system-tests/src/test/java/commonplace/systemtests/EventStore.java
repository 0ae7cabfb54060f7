package commonplace.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.events.EventJson;
import commonplace.testing.IsolatedInfrastructure;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the command service's event store (Axon's domain event table) directly, as the source of truth. */
final class EventStore {

    /** One stored event: its topic, 1-based sequence, record type and payload. */
    record StoredEvent(String topicId, long sequence, String type, JsonNode payload) {
    }

    private EventStore() {
    }

    static List<StoredEvent> readAll(IsolatedInfrastructure infrastructure) {
        String sql = "select aggregateidentifier, sequencenumber, payloadtype, payload from command.domainevententry"
                + " order by aggregateidentifier, sequencenumber";
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl(),
                infrastructure.databaseUser(), infrastructure.databasePassword());
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            List<StoredEvent> events = new ArrayList<>();
            while (rows.next()) {
                String payloadType = rows.getString(3);
                events.add(new StoredEvent(rows.getString(1), rows.getLong(2) + 1,
                        payloadType.substring(payloadType.lastIndexOf('.') + 1),
                        EventJson.mapper().readTree(rows.getBytes(4))));
            }
            return events;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
    }
}

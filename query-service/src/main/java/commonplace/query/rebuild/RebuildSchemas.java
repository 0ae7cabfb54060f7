package commonplace.query.rebuild;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The schemas of a rebuild: the fresh one built beside the live one ({@code <live>_rebuild}), the swap that makes it
 * the live one, and the old one it leaves ({@code <live>_old}) until that is dropped.
 */
final class RebuildSchemas {

    private static final Logger log = LoggerFactory.getLogger(RebuildSchemas.class);

    /**
     * Indexes that no constraint needs: building them once after the bulk load is cheaper than keeping them up. The
     * ones applying looks rows up by stay ({@link #LOOKUP_INDEXES}).
     */
    private static final String SECONDARY_INDEXES = """
            select t.relname as table_name, i.relname as name, pg_get_indexdef(i.oid) as definition
            from pg_index x
            join pg_class i on i.oid = x.indexrelid
            join pg_class t on t.oid = x.indrelid
            join pg_namespace n on n.oid = t.relnamespace
            where n.nspname = ? and not x.indisprimary and not x.indisunique and t.relname <> ?
              and i.relname <> all(?)
            order by i.relname""";

    /** The entries quoting a comment, found by them when the comment is retracted: needed while replaying. */
    private static final String[] LOOKUP_INDEXES = {"activity_quoting_comment"};

    /**
     * The primary keys of the tables only ever appended to (COPY, each event once, see AppendOnlyRows): nothing
     * looks them up while replaying, and one sorted build afterwards costs far less than a B-tree insert per row.
     */
    private static final String APPEND_ONLY_PRIMARY_KEYS = """
            select t.relname as table_name, c.conname as name, pg_get_indexdef(c.conindid) as definition
            from pg_constraint c
            join pg_class t on t.oid = c.conrelid
            join pg_namespace n on n.oid = t.relnamespace
            where n.nspname = ? and c.contype = 'p' and t.relname = any(?)
            order by t.relname""";
    private static final String[] APPEND_ONLY_TABLES = {"event_log", "activity"};

    private final String live;
    private final String rebuild;
    private final String old;
    private final String historyTable;
    private final List<String> migrations;

    /**
     * @param live         the schema the service reads, where Flyway keeps its history
     * @param historyTable Flyway's history table
     * @param migrations   Flyway's locations: the rebuild schema gets exactly the live schema's migrations
     */
    RebuildSchemas(String live, String historyTable, List<String> migrations) {
        this.live = live;
        this.rebuild = live + "_rebuild";
        this.old = live + "_old";
        this.historyTable = historyTable;
        this.migrations = List.copyOf(migrations);
    }

    String rebuild() {
        return rebuild;
    }

    /**
     * An index dropped for the bulk load: its table, the statement that builds it again and, for a primary key, the
     * statement that makes the built index the key again (else null). A key is built as a plain unique index first:
     * that takes the lock {@code create index} takes, so the table's other indexes can be built at the same time.
     */
    record DeferredIndex(String table, String definition, String attach) {
    }

    /**
     * Creates the rebuild schema empty, runs every migration into it and drops again what replaying does not need:
     * secondary indexes and the primary keys of append-only tables (keys first, so they are built first again).
     *
     * @return the dropped indexes, for {@link #finishTable}
     */
    List<DeferredIndex> create(DataSource rebuildDataSource, boolean deferIndexes) {
        JdbcTemplate jdbc = new JdbcTemplate(rebuildDataSource);
        jdbc.execute("drop schema if exists " + quote(rebuild) + " cascade");
        jdbc.execute("create schema " + quote(rebuild));
        Flyway.configure().dataSource(rebuildDataSource).schemas(rebuild).defaultSchema(rebuild).createSchemas(false)
                .table(historyTable).locations(migrations.toArray(String[]::new)).load().migrate();
        // what admins decided about parked topics holds for the replay too (an event they skipped is dropped again)
        jdbc.update("insert into " + quote(rebuild) + ".parking_action overriding system value select * from "
                + quote(live) + ".parking_action");
        if (!deferIndexes) {
            return List.of();
        }
        // read first, then drop: the catalog query is not kept open across the DDL
        List<DeferredIndex> deferred = new ArrayList<>();
        List<String[]> keys = jdbc.query(APPEND_ONLY_PRIMARY_KEYS, (row, index) -> new String[]{
                row.getString("table_name"), row.getString("name"), row.getString("definition")}, rebuild,
                APPEND_ONLY_TABLES);
        for (String[] key : keys) {
            String table = quote(rebuild) + "." + quote(key[0]);
            jdbc.execute("alter table " + table + " drop constraint " + quote(key[1]));
            deferred.add(new DeferredIndex(key[0], key[2], "alter table " + table + " add constraint " + quote(key[1])
                    + " primary key using index " + quote(key[1])));
        }
        List<String[]> indexes = jdbc.query(SECONDARY_INDEXES, (row, index) -> new String[]{
                row.getString("table_name"), row.getString("name"), row.getString("definition")}, rebuild,
                historyTable, LOOKUP_INDEXES);
        for (String[] index : indexes) {
            jdbc.execute("drop index " + quote(rebuild) + "." + quote(index[1]));
            deferred.add(new DeferredIndex(index[0], index[2], null));
        }
        return deferred;
    }

    /** The tables of the rebuild schema that hold read models (not Flyway's history), the biggest first. */
    List<String> tables(DataSource rebuildDataSource) {
        return new JdbcTemplate(rebuildDataSource).queryForList(
                "select tablename from pg_tables where schemaname = ? and tablename <> ? "
                        + "order by pg_table_size(format('%I.%I', schemaname, tablename)) desc, tablename",
                String.class, rebuild, historyTable);
    }

    /**
     * The deferred indexes in the order to build them: those of the biggest tables first, so that the last ones
     * to finish are short and the workers end together. Indexes are independent: several can be built at once.
     */
    List<DeferredIndex> buildOrder(DataSource rebuildDataSource, List<DeferredIndex> deferred) {
        List<String> bySize = tables(rebuildDataSource);
        return deferred.stream().sorted(Comparator.comparingInt(index -> bySize.indexOf(index.table()))).toList();
    }

    void build(DataSource rebuildDataSource, DeferredIndex index) {
        new JdbcTemplate(rebuildDataSource).execute(index.definition());
    }

    /**
     * Once its indexes are built: makes a table's key index its primary key again (no scan: the columns are not
     * null already) and gathers its planner statistics, so the first reads after the swap plan well.
     */
    void finishTable(DataSource rebuildDataSource, String table, List<DeferredIndex> deferred) {
        JdbcTemplate jdbc = new JdbcTemplate(rebuildDataSource);
        deferred.stream().filter(index -> index.table().equals(table) && index.attach() != null)
                .forEach(index -> jdbc.execute(index.attach()));
        jdbc.execute("analyze " + quote(rebuild) + "." + quote(table));
    }

    /**
     * Makes the rebuilt schema the live one; call inside ONE transaction on the live database. What no replay can
     * recreate moves across: Flyway's history (without it the next start would migrate again and fail) and the
     * dead letters (an operator may have cleared some; those the rebuild found anew are added).
     */
    void swap(JdbcTemplate tx) {
        // waits at most this long for readers of the two moved tables, instead of holding the switch indefinitely
        tx.execute("set local lock_timeout = '10s'");
        tx.update("insert into " + quote(live) + ".dead_letter (kafka_topic, kafka_partition, kafka_offset, record_key, "
                + "record_value, record_value_size, reason, received_at) select kafka_topic, kafka_partition, "
                + "kafka_offset, record_key, record_value, record_value_size, reason, received_at from "
                + quote(rebuild) + ".dead_letter order by id "
                + "on conflict (kafka_topic, kafka_partition, kafka_offset) do nothing");
        tx.execute("drop table " + quote(rebuild) + ".dead_letter");
        tx.execute("alter table " + quote(live) + ".dead_letter set schema " + quote(rebuild));
        carryParkingOver(tx);
        tx.execute("drop table " + quote(rebuild) + "." + quote(historyTable));
        tx.execute("alter table " + quote(live) + "." + quote(historyTable) + " set schema " + quote(rebuild));
        tx.execute("alter schema " + quote(live) + " rename to " + quote(old));
        tx.execute("alter schema " + quote(rebuild) + " rename to " + quote(live));
    }

    /**
     * The rebuild parked the topics it could not apply, the same way the live side does; its parking becomes the live
     * one. From the live side come the admins' actions (a record no replay recreates), each topic's original parking
     * time, and what the admins decided: a topic the rebuild parked at an event an admin skipped on the live side is
     * resumed by the consumer after the switch, dropping that event again.
     */
    private void carryParkingOver(JdbcTemplate tx) {
        tx.execute("drop table " + quote(rebuild) + ".parking_action");
        tx.execute("alter table " + quote(live) + ".parking_action set schema " + quote(rebuild));
        tx.update("update " + quote(rebuild) + ".parked_topic r set since = l.since from " + quote(live)
                + ".parked_topic l where l.topic_id = r.topic_id and l.since < r.since");
        tx.update("update " + quote(rebuild) + ".parked_topic r set requested = 'retry' where r.requested is null "
                + "and exists (select 1 from " + quote(rebuild) + ".parking_action a where a.topic_id = r.topic_id "
                + "and a.sequence = r.head_sequence and a.action = 'skip' and a.outcome = 'skipped')");
    }

    /** Drops the replaced schema; it waits for the reads still running on it. */
    void dropOld(JdbcTemplate jdbc) {
        jdbc.execute("drop schema if exists " + quote(old) + " cascade");
    }

    /** Drops what a rebuild that did not finish left behind (a crash, a stop): the half-built or the replaced one. */
    void dropLeftovers(JdbcTemplate jdbc) {
        for (String leftover : List.of(rebuild, old)) {
            Boolean exists = jdbc.queryForObject("select exists (select 1 from pg_namespace where nspname = ?)",
                    Boolean.class, leftover);
            if (Boolean.TRUE.equals(exists)) {
                log.info("Dropping schema {}, left by a rebuild that did not finish", leftover);
                jdbc.execute("drop schema " + quote(leftover) + " cascade");
            }
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

package commonplace.query.activity;

import com.zaxxer.hikari.HikariDataSource;
import commonplace.testing.IsolatedInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V15 on a schema that held both old activity tables: every row of either ends in {@code activity}
 * unchanged, and the table, its key and its indexes carry the new names.
 */
class OneActivityTableMigrationTest {

    private static final String SCHEMA = "before_v15";
    private static final String ROW = "(topic_id, sequence, type, occurred_at, comment_id, author_id, author_name, "
            + "summary, summary_if_retracted)";

    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() {
        IsolatedInfrastructure database = IsolatedInfrastructure.fresh("one-activity-table");
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.databaseUser());
        dataSource.setPassword(database.databasePassword());
        dataSource.setMaximumPoolSize(2);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void rowsOfBothOldTablesEndInOneTableUnderTheNewNames() {
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).defaultSchema(SCHEMA).createSchemas(true)
                .target("14").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String both = "values ('t1', 1, 'TopicOpened', '2026-01-01T10:00:00Z', null, 'ada', 'Ada', 'opened “A”', null),"
                + " ('t1', 2, 'CommentPosted', '2026-01-01T10:01:00Z', 'c1', 'bo', 'Bo', 'commented: Hei', 'commented')";
        jdbc.update("insert into " + SCHEMA + ".timeline_entry " + ROW + " " + both);
        jdbc.update("insert into " + SCHEMA + ".author_activity " + ROW + " " + both);
        jdbc.update("insert into " + SCHEMA + ".timeline_entry " + ROW + " values ('t1', 3, 'ReplyPosted', "
                + "'2026-01-01T10:02:00Z', 'c2', 'cy', 'Cy', 'replied to c1: Ja', 'replied to c1')");
        jdbc.update("insert into " + SCHEMA + ".author_activity " + ROW + " values ('t2', 1, 'TopicOpened', "
                + "'2026-01-02T10:00:00Z', null, 'bo', 'Bo', 'opened “B”', null)");

        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).defaultSchema(SCHEMA).load().migrate();

        assertThat(jdbc.queryForList("select concat_ws(' | ', topic_id, sequence, type, occurred_at at time zone 'UTC', "
                + "comment_id, author_id, author_name, summary, summary_if_retracted) from " + SCHEMA
                + ".activity order by topic_id, sequence", String.class)).containsExactly(
                "t1 | 1 | TopicOpened | 2026-01-01 10:00:00 | ada | Ada | opened “A”",
                "t1 | 2 | CommentPosted | 2026-01-01 10:01:00 | c1 | bo | Bo | commented: Hei | commented",
                "t1 | 3 | ReplyPosted | 2026-01-01 10:02:00 | c2 | cy | Cy | replied to c1: Ja | replied to c1",
                "t2 | 1 | TopicOpened | 2026-01-02 10:00:00 | bo | Bo | opened “B”");
        assertThat(jdbc.queryForList("select tablename from pg_tables where schemaname = ? "
                + "and tablename in ('activity', 'timeline_entry', 'author_activity')", String.class, SCHEMA))
                .containsExactly("activity");
        assertThat(jdbc.queryForList("select indexname from pg_indexes where schemaname = ? and tablename = 'activity' "
                + "order by 1", String.class, SCHEMA))
                .containsExactly("activity_newest_first", "activity_pkey", "activity_quoting_comment");
        assertThat(jdbc.queryForObject("select conname from pg_constraint where contype = 'p' and conrelid = "
                + "cast(? as regclass)", String.class, SCHEMA + ".activity")).isEqualTo("activity_pkey");
    }
}

package commonplace.query.rebuild;

import com.zaxxer.hikari.HikariDataSource;
import commonplace.testing.IsolatedInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes and keys a rebuild drops for its bulk load come back exactly as the migrations define them, even when
 * they are built at the same time (several indexes of one table at once, a primary key among them).
 */
class RebuildSchemasTest {

    private static final String HISTORY = "flyway_schema_history";
    private static final List<String> MIGRATIONS = List.of("classpath:db/migration");
    /** Every index and constraint of a schema, by table, as PostgreSQL would create them (schema name left out). */
    private static final String CATALOG = """
            select t.relname || ': ' || replace(pg_get_indexdef(i.oid), quote_ident(n.nspname) || '.', '')
                   || coalesce(' / ' || c.contype || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid), '')
            from pg_index x
            join pg_class i on i.oid = x.indexrelid
            join pg_class t on t.oid = x.indrelid
            join pg_namespace n on n.oid = t.relnamespace
            left join pg_constraint c on c.conindid = i.oid and c.conrelid = t.oid
            where n.nspname = ? and t.relname <> ?
            order by 1""";

    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() {
        IsolatedInfrastructure database = IsolatedInfrastructure.fresh("rebuild-schemas");
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.databaseUser());
        dataSource.setPassword(database.databasePassword());
        dataSource.setSchema("query");
        dataSource.setMaximumPoolSize(4);
        Flyway.configure().dataSource(dataSource).schemas("query").defaultSchema("query").createSchemas(true)
                .table(HISTORY).locations(MIGRATIONS.toArray(String[]::new)).load().migrate();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void deferredIndexesBuiltTwoAtATimeEndAsTheMigrationsDefineThem() throws Exception {
        RebuildSchemas schemas = new RebuildSchemas("query", HISTORY, MIGRATIONS);
        List<RebuildSchemas.DeferredIndex> deferred = schemas.create(dataSource, true);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> live = jdbc.queryForList(CATALOG, String.class, "query", HISTORY);
        assertThat(deferred).extracting(RebuildSchemas.DeferredIndex::table)
                .contains("event_log", "activity");
        assertThat(deferred).filteredOn(index -> index.attach() != null).hasSize(2);
        assertThat(jdbc.queryForList(CATALOG, String.class, schemas.rebuild(), HISTORY)).hasSizeLessThan(live.size());

        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            for (Future<?> built : workers.invokeAll(schemas.buildOrder(dataSource, deferred).stream()
                    .<java.util.concurrent.Callable<Object>>map(index -> () -> {
                        schemas.build(dataSource, index);
                        return null;
                    }).toList())) {
                built.get();
            }
        } finally {
            workers.shutdownNow();
        }
        for (String table : schemas.tables(dataSource)) {
            schemas.finishTable(dataSource, table, deferred);
        }

        assertThat(jdbc.queryForList(CATALOG, String.class, schemas.rebuild(), HISTORY)).isEqualTo(live);
    }
}

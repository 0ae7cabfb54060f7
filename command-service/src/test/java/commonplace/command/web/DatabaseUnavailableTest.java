package commonplace.command.web;

import commonplace.web.problem.DatabaseUnavailable;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    @Test
    void an_unreachable_database_is_recognised_however_deeply_it_is_wrapped() {
        assertThat(DatabaseUnavailable.isCause(new CommandExecutionException("failed", new IllegalStateException(
                new SQLTransientConnectionException("pool timed out"))))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new ConnectException("refused")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("terminating", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("closed", "08006")))).isTrue();
    }

    @Test
    void other_failures_are_not_blamed_on_the_database() {
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
    }
}

package commonplace.web.problem;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    @Test
    void whatEitherServiceSawOfAnAbsentDatabaseIsRecognised() {
        assertThat(DatabaseUnavailable.isCause(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new DataAccessResourceFailureException("gone"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new QueryTimeoutException("slow"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new RecoverableDataAccessException("recovering"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new CannotCreateTransactionException("no transaction"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException(new SQLException("refused", "08001"))))
                .isTrue();
    }

    @Test
    void aBugOrABrokenRuleIsNotBlamedOnTheDatabase() {
        assertThat(DatabaseUnavailable.isCause(new DuplicateKeyException("duplicate"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("syntax", "42601")))).isFalse();
        assertThat(DatabaseUnavailable.summary(new RuntimeException(new SQLException("secret text", "08001"))))
                .isEqualTo("SQLException");
    }
}

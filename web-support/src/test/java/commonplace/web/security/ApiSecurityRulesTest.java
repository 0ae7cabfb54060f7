package commonplace.web.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule the OpenAPI documents state for each operation: writes and admin reads take a token, health never. */
class ApiSecurityRulesTest {

    @Test
    void writesAndAdminReadsTakeATokenOtherReadsDoNot() {
        assertThat(ApiSecurity.takesToken("POST", "/api/v1/topics/{topicId}/comments")).isTrue();
        assertThat(ApiSecurity.takesToken("delete", "/api/v1/comments/{commentId}")).isTrue();
        assertThat(ApiSecurity.takesToken("GET", "/api/v1/admin/parked-topics/{topicId}")).isTrue();
        assertThat(ApiSecurity.takesToken("GET", "/actuator/prometheus")).isTrue();
        assertThat(ApiSecurity.takesToken("GET", "/api/v1/topics/{topicId}/thread")).isFalse();
        assertThat(ApiSecurity.takesToken("GET", "/actuator/health/liveness")).isFalse();
        assertThat(ApiSecurity.takesToken("HEAD", "/v3/api-docs")).isFalse();
    }
}

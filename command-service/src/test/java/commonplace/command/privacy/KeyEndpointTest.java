package commonplace.command.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import commonplace.command.support.Tokens;
import commonplace.events.EventEnvelope;
import commonplace.events.ReplyPosted;
import commonplace.events.privacy.DataKey;
import commonplace.events.privacy.KeyLookup;
import commonplace.events.privacy.KeyServiceClient;
import commonplace.events.privacy.KeysUnavailableException;
import commonplace.testing.IsolatedInfrastructure;
import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key endpoint over real HTTP, through the real security chain: service tokens get keys, one by one or a batch at
 * a time; everyone else gets 401 or 403 in problem+json; erased keys are answered as erased; every access is audited
 * without key material.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        "commonplace.privacy.key-encryption-key=" + TestKeys.KEK})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyEndpointTest {

    private final String queryService = TestKeys.keyReader("query-service");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IsolatedInfrastructure.forTestClass(KeyEndpointTest.class).registerSpringProperties(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataKeyStore store;
    @Autowired
    JdbcTemplate jdbc;

    private Http http;
    private DataKey ada;
    private DataKey erased;

    @BeforeAll
    void keys() {
        http = new Http(port);
        ada = store.keyInUse("ada");
        erased = store.keyInUse("erased-author");
        store.erase("erased-author");
    }

    @Test
    void a_service_token_gets_a_key_with_its_author_and_no_cache_may_keep_it() {
        Response answer = get("/api/v1/keys/" + ada.keyId(), queryService);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("keyId")).isEqualTo(ada.keyId());
        assertThat(answer.text("authorId")).isEqualTo("ada");
        assertThat(answer.text("algorithm")).isEqualTo("AES-256-GCM");
        assertThat(answer.text("key")).isEqualTo(ada.materialBase64());
        assertThat(answer.header("Cache-Control")).contains("no-store");
    }

    @Test
    void an_erased_key_is_gone_and_says_when_and_an_unknown_one_is_not_found() {
        problem(get("/api/v1/keys/" + erased.keyId(), queryService), 410, "key-erased");
        assertThat(get("/api/v1/keys/" + erased.keyId(), queryService).text("erasedAt")).isNotBlank();
        problem(get("/api/v1/keys/" + DataKey.generate("x").keyId(), queryService), 404, "not-found");
    }

    @Test
    void without_a_token_or_with_a_bad_one_it_is_401_for_every_method() {
        problem(http.call("GET", "/api/v1/keys/" + ada.keyId()).send(), 401, "unauthorized");
        problem(http.call("POST", "/api/v1/keys/lookup").json(Map.of("keyIds", List.of(ada.keyId()))).send(), 401,
                "unauthorized");
        problem(get("/api/v1/keys/" + ada.keyId(), "not.a.token"), 401, "unauthorized");
        String forged = Tokens.mint("another-secret-of-at-least-thirty-two-bytes!!", "query-service", "q",
                List.of(KeyReader.ROLE), Instant.now().plusSeconds(600));
        problem(get("/api/v1/keys/" + ada.keyId(), forged), 401, "unauthorized");
        String expired = Tokens.mint(Tokens.SECRET, "query-service", "q", List.of(KeyReader.ROLE),
                Instant.now().minusSeconds(600));
        problem(get("/api/v1/keys/" + ada.keyId(), expired), 401, "unauthorized");
    }

    @Test
    void an_authors_moderators_or_admins_token_is_403_and_the_refusal_is_audited() {
        List<String> ordinary = List.of(Tokens.author("ada", "Ada Lovelace"), Tokens.moderator("maja", "Maja"),
                Tokens.mint(Tokens.SECRET, "root", "Root", List.of("admin", "moderator"),
                        Instant.now().plusSeconds(600)));
        for (String token : ordinary) {
            Response own = get("/api/v1/keys/" + ada.keyId(), token);
            problem(own, 403, "forbidden");
            assertThat(own.body()).doesNotContain(ada.materialBase64());
            problem(lookup(token, List.of(ada.keyId())), 403, "forbidden");
        }
        assertThat(jdbc.queryForObject("select count(*) from key_access where consumer = 'ada' and outcome = 'denied'",
                Long.class)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_batch_answers_served_erased_and_unknown_keys_in_one_call_and_collapses_repeats() {
        String unknown = DataKey.generate("nobody").keyId();

        Response answer = lookup(queryService, List.of(ada.keyId(), erased.keyId(), unknown, ada.keyId()));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.get("keys")).hasSize(1);
        assertThat(json.at("/keys/0/key").asText()).isEqualTo(ada.materialBase64());
        assertThat(json.at("/keys/0/authorId").asText()).isEqualTo("ada");
        assertThat(json.at("/erased/0/keyId").asText()).isEqualTo(erased.keyId());
        assertThat(json.at("/erased/0/erasedAt").asText()).isNotBlank();
        assertThat(json.at("/unknown/0").asText()).isEqualTo(unknown);
        assertThat(answer.header("Cache-Control")).contains("no-store");
    }

    @Test
    void a_malformed_batch_is_400_naming_what_is_wrong() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= KeyController.MAX_BATCH; i++) {
            tooMany.add(DataKey.generate("x").keyId());
        }
        fieldError(lookup(queryService, List.of()), "keyIds");
        fieldError(lookup(queryService, tooMany), "keyIds");
        fieldError(lookup(queryService, List.of(ada.keyId(), "dk_' or 1=1 --")), "keyIds[1]");
        fieldError(http.call("POST", "/api/v1/keys/lookup").token(queryService).json("{}").send(), "keyIds");
        fieldError(http.call("POST", "/api/v1/keys/lookup").token(queryService)
                .json("{\"keyIds\": [42]}").send(), "keyIds[0]");
        fieldError(http.call("POST", "/api/v1/keys/lookup").token(queryService)
                .json(Map.of("keyIds", List.of(ada.keyId()), "authorId", "ada")).send(), "authorId");
        problem(http.call("POST", "/api/v1/keys/lookup").token(queryService).json("{\"keyIds\": [").send(), 400,
                "malformed-json");
        problem(http.call("POST", "/api/v1/keys/lookup").token(queryService).header("Content-Type", "text/plain")
                .raw(ada.keyId()).send(), 415, "unsupported-media-type");
        String huge = "{\"keyIds\": [\"" + "a".repeat(70_000) + "\"]}";
        problem(http.call("POST", "/api/v1/keys/lookup").token(queryService).json(huge).send(), 413,
                "payload-too-large");
        fieldError(get("/api/v1/keys/not-a-key-id", queryService), "keyId");
        fieldError(get("/api/v1/keys/" + "dk_" + "A".repeat(5_000), queryService), "keyId");
    }

    @Test
    void every_access_is_audited_with_its_consumer_and_key_ids_and_never_key_material() {
        String analytics = TestKeys.keyReader("analytics-example");

        assertThat(lookup(analytics, List.of(ada.keyId(), erased.keyId())).status()).isEqualTo(200);

        Map<String, Object> row = jdbc.queryForMap("select consumer, outcome, key_ids::text as ids, served, erased,"
                + " unknown from key_access where consumer = 'analytics-example' order by id desc limit 1");
        assertThat(row).containsEntry("outcome", "served").containsEntry("served", 1).containsEntry("erased", 1)
                .containsEntry("unknown", 0);
        assertThat((String) row.get("ids")).contains(ada.keyId(), erased.keyId());
        String everything = jdbc.queryForList("select k::text from key_access k", String.class).toString();
        assertThat(everything).doesNotContain(ada.materialBase64());
    }

    @Test
    void the_python_example_fetches_a_batch_of_keys_and_opens_what_the_java_side_sealed(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path scratch) throws Exception {
        commonplace.events.CommentPosted comment = new commonplace.events.CommentPosted("episode-90", "c-1",
                "Blåbærsyltetøy 🫐 og https://example.org", "no", "ada", "Ada Lovelace");
        commonplace.events.EventEnvelope sealed = commonplace.events.EventEnvelope.wrapSealed("e-1", 2,
                Instant.now(), comment, ada);
        DataKey gone = store.keyInUse("python-erased");
        commonplace.events.EventEnvelope sealedErased = commonplace.events.EventEnvelope.wrapSealed("e-2", 3,
                Instant.now(), new commonplace.events.ReplyPosted("episode-90", "c-2", "c-1", "Borte snart",
                        "python-erased", "Borte"), gone);
        store.erase("python-erased");

        String printed = commonplace.events.privacy.PythonExample.run(scratch, """
                import json, sys
                sys.path.insert(0, sys.argv[1])
                from commonplace_decrypt import decrypt, fetch_keys
                envelopes = [json.loads(line) for line in sys.argv[4:]]
                key_ids = {e["payload"]["encrypted"]["keyId"] for e in envelopes}
                keys, erased = fetch_keys(sys.argv[2], sys.argv[3], key_ids)
                print(json.dumps([decrypt(e, keys, erased) for e in envelopes], ensure_ascii=False))
                """, List.of("http://127.0.0.1:" + port, queryService,
                new String(sealed.toJsonBytes(), java.nio.charset.StandardCharsets.UTF_8),
                new String(sealedErased.toJsonBytes(), java.nio.charset.StandardCharsets.UTF_8)));

        JsonNode decrypted = new com.fasterxml.jackson.databind.ObjectMapper().readTree(printed);
        assertThat(decrypted.at("/0/body").asText()).isEqualTo("Blåbærsyltetøy 🫐 og https://example.org");
        assertThat(decrypted.at("/0/authorName").asText()).isEqualTo("Ada Lovelace");
        assertThat(decrypted.at("/1/withheld").toString()).isEqualTo("{\"body\":\"erased\",\"authorName\":\"erased\"}");
        assertThat(decrypted.at("/1/parentId").asText()).isEqualTo("c-1");
    }

    @Test
    void the_java_key_client_fetches_a_batch_in_one_call_and_keeps_erased_keys_as_erased() {
        KeyServiceClient client = new KeyServiceClient(URI.create("http://127.0.0.1:" + port), () -> queryService,
                Duration.ofSeconds(5), 100, Duration.ofMinutes(5));
        DataKey bo = store.keyInUse("client-bo");
        EventEnvelope sealed = EventEnvelope.wrapSealed("e-9", 9, Instant.now(),
                new ReplyPosted("episode-90", "c-9", "c-1", "Svar fra Bo", "client-bo", "Bo"), bo);
        String unknown = DataKey.generate("nobody").keyId();
        long before = auditRows("query-service");

        client.prefetch(List.of(ada.keyId(), erased.keyId(), bo.keyId(), unknown, "not-a-key"));

        assertThat(auditRows("query-service")).isEqualTo(before + 1);
        assertThat(client.find(erased.keyId())).isInstanceOf(KeyLookup.Erased.class);
        assertThat(((ReplyPosted) sealed.read(client).event()).body()).isEqualTo("Svar fra Bo");
        assertThat(auditRows("query-service")).as("served from memory").isEqualTo(before + 1);
        assertThat(client.find(unknown)).isInstanceOf(KeyLookup.Unknown.class);

        client.forget(List.of(bo.keyId()));

        assertThat(sealed.read(client).withheld()).containsOnlyKeys("body", "authorName");
        assertThat(KeyServiceClient.keyIdsOf(List.of(sealed))).containsExactly(bo.keyId());
    }

    @Test
    void the_java_key_client_asks_to_be_retried_when_the_endpoint_refuses_or_cannot_be_reached() {
        KeyServiceClient author = new KeyServiceClient(URI.create("http://127.0.0.1:" + port),
                () -> Tokens.author("ada", "Ada"), Duration.ofSeconds(5), 10, Duration.ofMinutes(1));
        KeyServiceClient nowhere = new KeyServiceClient(URI.create("http://127.0.0.1:1"), () -> queryService,
                Duration.ofSeconds(2), 10, Duration.ofMinutes(1));

        assertThatThrownBy(() -> author.find(ada.keyId())).isInstanceOf(KeysUnavailableException.class)
                .hasMessageContaining("403");
        assertThatThrownBy(() -> nowhere.prefetch(List.of(ada.keyId()))).isInstanceOf(KeysUnavailableException.class);
    }

    private long auditRows(String consumer) {
        return jdbc.queryForObject("select count(*) from key_access where consumer = ?", Long.class, consumer);
    }

    private Response get(String path, String token) {
        return http.call("GET", path).token(token).send();
    }

    private Response lookup(String token, List<String> keyIds) {
        return http.call("POST", "/api/v1/keys/lookup").token(token).json(Map.of("keyIds", keyIds)).send();
    }

    private static void problem(Response answer, int status, String type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("urn:commonplace:problem:" + type);
        assertThat(answer.body()).doesNotContain("Exception", "at commonplace.");
    }

    private static void fieldError(Response answer, String field) {
        problem(answer, 400, "validation-failed");
        assertThat(answer.json().at("/errors/0/field").asText()).as(answer.toString()).isEqualTo(field);
    }
}

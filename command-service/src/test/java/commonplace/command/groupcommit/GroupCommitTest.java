package commonplace.command.groupcommit;

import commonplace.testing.http.Http;
import commonplace.testing.http.Http.Response;
import commonplace.command.support.Tokens;
import commonplace.command.identity.Author;
import commonplace.command.topic.model.Commands.OpenTopic;
import commonplace.command.topic.model.Commands.PostComment;
import commonplace.testing.IsolatedInfrastructure;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Group commit on a real PostgreSQL: while a topic's worker is held, the commands that queue up behind it are decided
 * together and stored in one transaction after it; a command refused by a rule in the middle (with an
 * Idempotency-Key) is answered with its refusal and leaves nothing behind, its neighbours are all recorded, and the
 * topic's sequence has no gap and no repeat.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        "commonplace.rate-limit.per-minute=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupCommitTest {

    private static final IsolatedInfrastructure INFRA = IsolatedInfrastructure.forTestClass(GroupCommitTest.class);
    private static final String HOLD = "Hold the worker a moment";
    private static final CountDownLatch HELD = new CountDownLatch(1);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.registerSpringProperties(registry);
    }

    /** Holds the worker inside the one command whose body is {@link #HOLD}. */
    @TestConfiguration
    static class Gate {
        @Bean
        MessageHandlerInterceptor<CommandMessage<?>> holdingInterceptor() {
            return (unitOfWork, chain) -> {
                if (unitOfWork.getMessage().getPayload() instanceof PostComment post && HOLD.equals(post.body())) {
                    HELD.countDown();
                    RELEASE.await(60, TimeUnit.SECONDS);
                }
                return chain.proceed();
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandBus commandBus;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    TransactionManager transactions;

    private Http http;
    private final String ada = Tokens.author("ada", "Ada Lovelace");

    @BeforeAll
    void connect() {
        http = new Http(port);
    }

    @Test
    void commands_queued_behind_a_commit_are_stored_together_and_a_refusal_among_them_fails_no_neighbour()
            throws Exception {
        GroupCommitCommandBus bus = (GroupCommitCommandBus) commandBus;
        assertThat(http.put("/api/v1/topics/grouped", ada, Map.of("title", "Gruppert")).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/topics/grouped/comments", ada, Map.of("body", "Dobbelt opp")).status())
                .isEqualTo(201);
        ExecutorService clients = Executors.newFixedThreadPool(21);
        Future<Response> held = clients.submit(() -> http.post("/api/v1/topics/grouped/comments", ada,
                Map.of("body", HOLD)));
        assertThat(HELD.await(30, TimeUnit.SECONDS)).isTrue();

        List<Future<Response>> queued = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            String author = Tokens.author("skriver-" + i, "Skriver " + i);
            String body = "Innlegg nummer " + i + " – blåbær og kaffe";
            queued.add(clients.submit(() -> http.post("/api/v1/topics/grouped/comments", author, Map.of("body", body))));
        }
        Future<Response> refused = clients.submit(() -> keyedDuplicate());
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.waiting() == 20);
        RELEASE.countDown();

        assertThat(held.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
        for (Future<Response> answer : queued) {
            Response response = answer.get(30, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
        }
        Response refusal = refused.get(30, TimeUnit.SECONDS);
        assertThat(refusal.status()).as(refusal.toString()).isEqualTo(409);
        assertThat(refusal.body()).contains("urn:commonplace:problem:duplicate-post");
        clients.shutdown();

        List<Long> sequences = jdbc.queryForList("select sequencenumber from domainevententry"
                + " where aggregateidentifier = 'grouped' order by sequencenumber", Long.class);
        assertThat(sequences).containsExactlyElementsOf(LongStream.range(0, 22).boxed().toList());
        Integer transactions = jdbc.queryForObject("select count(distinct xmin::text) from domainevententry"
                + " where aggregateidentifier = 'grouped' and sequencenumber >= 3", Integer.class);
        assertThat(transactions).as("19 comments queued behind the held one, one refusal among them").isLessThanOrEqualTo(2);

        Response again = keyedDuplicate();
        assertThat(again.status()).as("the refused command's key was not left claimed: " + again).isEqualTo(409);
        assertThat(again.body()).contains("urn:commonplace:problem:duplicate-post");
    }

    /**
     * An import sends its commands inside a unit of work of its own (one per chunk): they are decided on its thread and
     * committed, or rolled back, in its transaction together with what it wrote beside them, never by a worker apart.
     */
    @Test
    void commands_sent_inside_a_unit_of_work_commit_and_roll_back_with_it() {
        Author ada = new Author("ada", "Ada Lovelace", false);
        UnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(new GenericMessage<>("rolled back"));
        rolledBack.attachTransaction(transactions);
        commandGateway.sendAndWait(new OpenTopic("nested-rolled-back", "Rullet tilbake", null, null, ada));
        jdbc.update("insert into comment_directory (comment_id, topic_id) values ('c_beside', 'nested-rolled-back')");
        rolledBack.rollback();
        assertThat(jdbc.queryForObject("select count(*) from domainevententry"
                + " where aggregateidentifier = 'nested-rolled-back'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from comment_directory where comment_id = 'c_beside'",
                Integer.class)).isZero();

        UnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(new GenericMessage<>("committed"));
        committed.attachTransaction(transactions);
        commandGateway.sendAndWait(new OpenTopic("nested-committed", "Lagret", null, null, ada));
        commandGateway.sendAndWait(new PostComment("nested-committed", "c_nested", "Med i samme transaksjon", null,
                ada));
        jdbc.update("insert into comment_directory (comment_id, topic_id) values ('c_beside', 'nested-committed')");
        committed.commit();
        List<String> transactionIds = jdbc.queryForList("select xmin::text from domainevententry"
                + " where aggregateidentifier = 'nested-committed' union select xmin::text from comment_directory"
                + " where comment_id = 'c_beside'", String.class);
        assertThat(transactionIds).as("both commands' events and the row beside them, in one transaction").hasSize(1);
    }

    private Response keyedDuplicate() {
        return http.call("POST", "/api/v1/topics/grouped/comments").token(ada)
                .header("Idempotency-Key", "dobbelt-1").json(Map.of("body", "Dobbelt opp")).send();
    }
}

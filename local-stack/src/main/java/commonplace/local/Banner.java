package commonplace.local;

import commonplace.local.infra.PostgresServer;

import java.nio.file.Path;
import java.util.List;

/** What {@code up} prints once everything answers: where things are and how to make a first call. */
final class Banner {

    private Banner() {
    }

    static String ready(StackSettings settings, List<ServiceProcess> services) {
        String command = services.get(0).baseUrl();
        String query = services.get(1).baseUrl();
        String postgres = settings.embeddedPostgres()
                ? settings.databaseUrl() + "  (user " + PostgresServer.USER + ", no password)"
                : "external, from COMMONPLACE_DB_URL";
        String kafka = settings.embeddedKafka()
                ? settings.kafkaBootstrap() + "  (topic " + settings.kafkaTopic() + ")"
                : "external, " + settings.kafkaBootstrap() + "  (topic " + settings.kafkaTopic() + ")";
        Path data = settings.dataDirectory();
        String secret = settings.jwtSecret().development()
                ? """
                  DEVELOPMENT ONLY: tokens are signed with the built-in development secret that the README publishes;
                  anyone can mint them. The services take it only from ./commonplace up and listen on 127.0.0.1 alone;
                  set COMMONPLACE_JWT_SECRET (32+ bytes) for anything that is not your laptop.
                """
                : "  tokens: HS256 with COMMONPLACE_JWT_SECRET\n";
        if (settings.developmentKeyEncryptionKey()) {
            secret += """
                  DEVELOPMENT ONLY: personal data is sealed under the published development key-encryption key;
                  set COMMONPLACE_KEY_ENCRYPTION_KEY (openssl rand -base64 32) for anything that is not your laptop.
                """;
        }
        return """

                commonplace is ready
                  command service  %s   (writes)
                  query service    %s   (reads)
                  PostgreSQL       %s
                  Kafka            %s
                  data             %s   (logs in %s)
                %s
                mint a token: ./commonplace token ada "Ada Lovelace"   (add --moderator to moderate, --admin to run the read side)
                open %s/t/episode-90 in a browser (the demo discussion), or try:
                  TOKEN=$(./commonplace token ada "Ada Lovelace")
                  curl -i -X PUT %s/api/v1/topics/episode-91 -H "Authorization: Bearer $TOKEN" \\
                       -H 'Content-Type: application/json' -d '{"title": "Episode 91"}'
                  curl -s %s/api/v1/topics/episode-90/thread
                  ADMIN=$(./commonplace token ops "Operations" --admin)
                  curl -s %s/api/v1/admin/projections -H "Authorization: Bearer $ADMIN"

                Ctrl-C stops everything.
                """.formatted(command, query, postgres, kafka, data, settings.logDirectory(), secret, query, command,
                        query, query);
    }
}

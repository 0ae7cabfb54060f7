package commonplace.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportCommandTest {

    @TempDir
    Path directory;

    @Test
    void takesAFormatAFileAndOptionallyASite() throws IOException {
        Path export = Files.writeString(directory.resolve("export.xml"), "<disqus/>");

        assertThat(ImportCommand.parse(new String[]{"disqus", export.toString()}))
                .isEqualTo(new ImportCommand.Arguments("disqus", export, null, null));
        assertThat(ImportCommand.parse(new String[]{"wordpress", export.toString(), "--site", "blog2"}).site())
                .isEqualTo("blog2");
        assertThatThrownBy(() -> ImportCommand.parse(new String[]{"blogger", export.toString()}))
                .hasMessageContaining("disqus or wordpress");
        assertThatThrownBy(() -> ImportCommand.parse(new String[]{"disqus", directory.resolve("missing").toString()}))
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> ImportCommand.parse(new String[]{"disqus"})).hasMessageContaining("format and");
        assertThatThrownBy(() -> ImportCommand.parse(new String[]{"disqus", export.toString(), "--site"}))
                .hasMessageContaining("--site");
        Path mapping = Files.writeString(directory.resolve("mapping.csv"), "episode-90,fjelltur-90\n");
        assertThat(ImportCommand.parse(new String[]{"disqus", export.toString(), "--mapping", mapping.toString()})
                .mapping()).isEqualTo(mapping);
        assertThatThrownBy(() -> ImportCommand.parse(new String[]{"disqus", export.toString(), "--mapping"}))
                .hasMessageContaining("--mapping");
        assertThatThrownBy(() -> ImportCommand.parse(new String[]{"disqus", export.toString(), "--mapping",
                directory.resolve("missing.csv").toString()})).hasMessageContaining("cannot read");
    }

    @Test
    void withAMappingFileItStoresTheFileForThatFormatAndSiteFirstThenImports() throws IOException {
        byte[] mapping = "# æøå\nhttps://blogg.example.no/fjelltur/,fjelltur-2019\n".getBytes(StandardCharsets.UTF_8);
        Path mappingFile = Files.write(directory.resolve("mapping.csv"), mapping);
        Path export = Files.writeString(directory.resolve("export.xml"), "<disqus/>");
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            seen.add(exchange.getRequestMethod() + " " + uri.getPath() + "?" + uri.getRawQuery() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type"));
            String answer;
            int status;
            if (exchange.getRequestMethod().equals("PUT")) {
                assertThat(body).isEqualTo(mapping);
                status = 201;
                answer = "{\"format\":\"disqus\",\"site\":\"blogg2\",\"bytes\":" + body.length + "}";
            } else if (exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Location", "/api/v1/admin/imports/imp_x");
                status = 202;
                answer = "{\"importId\":\"imp_x\"}";
            } else {
                status = 200;
                answer = "{\"importId\":\"imp_x\",\"state\":\"completed\",\"counts\":{}}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = ImportCommand.run(new String[]{"disqus", export.toString(), "--site", "blogg2", "--mapping",
                            mappingFile.toString()}, Map.of("COMMONPLACE_COMMAND_URL", "http://127.0.0.1:"
                            + server.getAddress().getPort()), new PrintStream(out, true, StandardCharsets.UTF_8),
                    System.err);
            assertThat(status).isEqualTo(0);
            assertThat(seen.subList(0, 2)).containsExactly(
                    "PUT /api/v1/admin/import-mappings/disqus?site=blogg2 text/csv; charset=UTF-8",
                    "POST /api/v1/admin/imports?format=disqus&site=blogg2 application/xml");
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("mapping file mapping.csv stored");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aWrongCommandLineIsAUsageErrorAndAStackThatIsNotRunningIsSaidSo() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(ImportCommand.run(new String[]{"disqus"}, Map.of(), System.out, new PrintStream(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(ImportCommand.USAGE);

        Path export = Files.writeString(directory.resolve("export.xml"), "<disqus/>");
        ByteArrayOutputStream unreachable = new ByteArrayOutputStream();
        int status = ImportCommand.run(new String[]{"disqus", export.toString()},
                Map.of("COMMONPLACE_COMMAND_URL", "http://127.0.0.1:9"), System.out, new PrintStream(unreachable));
        assertThat(status).isEqualTo(1);
        assertThat(unreachable.toString(StandardCharsets.UTF_8)).contains("cannot reach the command service");
    }

    @Test
    void printsTheCountsThenEveryReportLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportCommand.print(new ObjectMapper().readTree("""
                {"importId": "imp_x", "state": "completed",
                 "counts": {"topics": 3, "comments": 7, "replies": 5, "retracted": 1, "skipped": 1, "edited": 0,
                            "alreadyThere": 0},
                 "skipped": [{"kind": "comment", "sourceId": "9008", "reason": "spam in the source"}],
                 "changed": [{"kind": "comment", "sourceId": "9009",
                              "reason": "answers 8888, which is not a comment of this page in the export"}]}"""), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                import imp_x: completed
                  topics 3, comments 7, replies 5, retracted 1, edited 0, skipped 1, already there 0
                  skipped comment 9008: spam in the source
                  changed comment 9009: answers 8888, which is not a comment of this page in the export
                """);
    }
}

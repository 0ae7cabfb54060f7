package commonplace.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import commonplace.local.DevelopmentToken;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The demo discussion a fresh local stack shows at {@code /t/episode-90}: a podcast episode's page with nested replies
 * in Norwegian and English, shared links, a long post, an edited comment and a retracted one. Written through the
 * public API with development tokens, exactly as a client would, and only when the topic does not exist yet (opening
 * it answers 201); {@code COMMONPLACE_DEMO_SEED=false} leaves it out.
 */
public final class DemoDiscussion {

    public static final String TOPIC = "episode-90";
    public static final String TITLE = "Episode 90: «Fjellet som flytter seg» – skred, InSAR og kartene våre";
    private static final Duration READ_BACK = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String commandUrl;
    private final String queryUrl;
    private final String secret;

    public DemoDiscussion(String commandUrl, String queryUrl, String secret) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.secret = secret;
    }

    /** What {@code up} calls once both services are UP; a failure is reported and the stack keeps running. */
    public static void seedUnlessDisabled(Map<String, String> environment, String commandUrl, String queryUrl,
                                          String secret, PrintStream out) {
        if ("false".equalsIgnoreCase(environment.getOrDefault("COMMONPLACE_DEMO_SEED", "true").trim())) {
            return;
        }
        try {
            if (new DemoDiscussion(commandUrl, queryUrl, secret).seed()) {
                out.println("commonplace: wrote the demo discussion: " + queryUrl + "/t/" + TOPIC);
            }
        } catch (IOException | RuntimeException e) {
            out.println("commonplace: the demo discussion could not be written: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes the discussion unless its topic exists, then waits until the query service shows all of it.
     *
     * @return false when the topic was there already (nothing written)
     */
    public boolean seed() throws IOException, InterruptedException {
        String ingrid = token("ingrid", "Ingrid Ødegård");
        String marcus = token("marcus", "Marcus Chen");
        String siri = token("siri", "Siri Aasen");
        String ola = token("ola", "Ola «Fjellgeit» Nordmann");
        String kari = token("kari", "Kari Bø");

        ObjectNode topic = json.createObjectNode().put("title", TITLE)
                .put("url", "https://podkast.example.no/episoder/90")
                .put("description", "Vi snakker med to geologer om fjellpartier som siger, om satellittmålinger "
                        + "ned på millimeteren, og om hvem som egentlig bestemmer hvor det er trygt å bo.");
        JsonNode opened = send("PUT", "/topics/" + TOPIC, ingrid, topic, 200, 201);
        if (opened.path("status").asInt() == 200) {
            return false;
        }
        String long_ = post(ingrid, """
                Takk for en sterk episode! Jeg vokste opp under Åkneset, og det var rart å høre dere beskrive fjellet \
                som «en pasient som aldri blir utskrevet». Det er akkurat sånn det føles.

                Tre ting jeg tok med meg:
                – at sprekken har åpnet seg noen centimeter i året i flere tiår, og at det er hastigheten, ikke \
                selve bevegelsen, som får folk til å reagere;
                – at InSAR-kartene er offentlige (https://insar.ngu.no), så alle kan se sitt eget nabolag;
                – at beredskapsplanen bygger på varslingstid, ikke på å stoppe skredet.

                Det jeg savnet, var stemmene til dem som faktisk bor i faresonene. Kanskje en oppfølger?""");
        String marcusReply = reply(marcus, long_, "Great episode, and a great summary, Ingrid. For English "
                + "listeners: the Sentinel-1 background is explained well here "
                + "https://en.wikipedia.org/wiki/Interferometric_synthetic-aperture_radar");
        String ingridAgain = reply(ingrid, marcusReply, "Thanks, Marcus! Det beste med InSAR er at du ser bevegelse "
                + "på millimeternivå uten å sette foten på fjellet.");
        String siriDeep = reply(siri, ingridAgain, "Men millimeter på et kart er ikke det samme som trygghet. "
                + "Jeg er ærlig talt mer bekymret for kvikkleire enn for fjellskred: https://www.nve.no/naturfare/");
        String olaDeep = reply(ola, siriDeep, "Enig, Siri. Gjerdrum viste at «lav sannsynlighet» ikke betyr «aldri».");
        String marcusDeep = reply(marcus, olaDeep, "That’s the part that stuck with me: risk maps describe "
                + "probabilities, people hear promises.");
        reply(kari, marcusDeep, "Godt sagt. Kanskje det burde stå på forsiden av hver eneste risikorapport?");

        String olaRoot = post(ola, "Hvorfor nevnte dere ikke Tafjord-ulykka i 1934? Den er jo grunnen til at vi har "
                + "overvåking i det hele tatt.");
        send("PUT", "/comments/" + olaRoot, ola, body("Hvorfor nevnte dere ikke Tafjord-ulykka i 1934? Den er jo "
                + "grunnen til at vi har overvåking i det hele tatt.\n\nRettelse: dere nevnte den i slutten av "
                + "episoden, jeg hadde bare ikke hørt så langt. Beklager!"), Map.of("If-Match", "\"1\""), 200);
        reply(siri, olaRoot, "Haha, det skjer de beste. Her er NRKs gamle reportasje om Tafjord, for den som vil "
                + "lese mer: https://www.nrk.no/mr/tafjord-1934");

        String regret = post(kari, "Jeg synes ærlig talt episoden var altfor lang og at gjesten avbrøt hele tiden.");
        reply(marcus, regret, "I enjoyed the long format, but fair enough – it’s a lot of geology in one go.");
        send("DELETE", "/comments/" + regret, kari, json.createObjectNode().put("reason", "sa det for bryskt"),
                Map.of(), 204);

        String english = post(marcus, "A question for the hosts: you said the early-warning threshold is “a few "
                + "centimetres a day”. Is that per sensor or averaged over the whole slope?");
        JsonNode last = send("POST", "/topics/" + TOPIC + "/links", siri, json.createObjectNode()
                .put("url", "https://www.yr.no/nb/farevarsler").put("note", "Farevarsler samlet på ett sted")
                .put("parentId", english), Map.of(), 201);
        awaitShown(last.path("position").asText());
        return true;
    }

    private String token(String authorId, String name) {
        return DevelopmentToken.sign(secret, authorId, name, false, Duration.ofHours(1));
    }

    private String post(String token, String text) throws IOException, InterruptedException {
        return send("POST", "/topics/" + TOPIC + "/comments", token, body(text), Map.of(), 201)
                .path("commentId").asText();
    }

    private String reply(String token, String parentId, String text) throws IOException, InterruptedException {
        return send("POST", "/comments/" + parentId + "/replies", token, body(text), Map.of(), 201)
                .path("commentId").asText();
    }

    private ObjectNode body(String text) {
        return json.createObjectNode().put("body", text);
    }

    private JsonNode send(String method, String path, String token, ObjectNode body, int... expected)
            throws IOException, InterruptedException {
        return send(method, path, token, body, Map.of(), expected);
    }

    /** One command; answers its JSON (plus the status) or fails with the problem the service answered. */
    private JsonNode send(String method, String path, String token, ObjectNode body, Map<String, String> headers,
                          int... expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(commandUrl + "/api/v1" + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                ObjectNode answer = response.body().isBlank() ? json.createObjectNode()
                        : (ObjectNode) json.readTree(response.body());
                return answer.put("status", status);
            }
        }
        throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }

    /** Waits until the query service has applied the last write, so the page shows the whole discussion at once. */
    private void awaitShown(String position) throws IOException, InterruptedException {
        HttpRequest read = HttpRequest.newBuilder(URI.create(queryUrl + "/api/v1/topics/" + TOPIC
                        + "/thread?consistentWith=" + URLEncoder.encode(position, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).GET().build();
        long deadline = System.nanoTime() + READ_BACK.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(read, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && answer.headers().firstValue("X-Commonplace-Stale").isEmpty()) {
                return;
            }
        }
        throw new IOException("the query service did not show the demo discussion within " + READ_BACK.toSeconds()
                + " s");
    }
}

package commonplace.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Bodies like the ones commonplace sees: Norwegian and English, curly quotes and emoji, mostly sharing links, from
 * about 50 bytes to about 4 KB, sometimes several paragraphs.
 */
final class Corpus {

    private static final List<String> SENTENCES = List.of(
            "Flott episode, jeg er helt enig med gjesten.",
            "Dette minner meg om «Fjellet» fra i fjor – blåbærsyltetøy og kaffe på bål.",
            "Hvorfor snakket dere ikke mer om økonomien i dette?",
            "Great episode, thanks for having her on the show!",
            "I disagree with the “obvious” conclusion here; the data says otherwise.",
            "Har noen en lenke til rapporten dere nevnte? 🤔",
            "This is the best discussion of the topic I have heard all year. 🎉",
            "Skjønner ikke helt poenget med siste del, men ellers veldig bra.",
            "Quick correction: the study was published in 2019, not 2021.",
            "Takk for en god episode – gleder meg til neste!");
    private static final List<String> LINKS = List.of(
            "https://www.nrk.no/kultur/episode-%d", "https://example.com/articles/%d?ref=commonplace",
            "https://Podcast.Example.no:443/ep/%d#chapter-2", "https://en.wikipedia.org/wiki/Special:Random?i=%d",
            "http://blog.example.org/%d/notes", "https://www.vg.no/nyheter/i/%d");

    private final SplittableRandom random;

    Corpus(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A body whose UTF-8 size lies roughly between 50 bytes and 4 KB, skewed towards short comments. */
    String body() {
        int target = random.nextInt(100) < 70 ? 50 + random.nextInt(400) : 450 + random.nextInt(3400);
        StringBuilder body = new StringBuilder();
        while (body.length() < target) {
            if (body.length() > 0) {
                body.append(random.nextInt(6) == 0 ? "\n\n" : " ");
            }
            body.append(SENTENCES.get(random.nextInt(SENTENCES.size())));
            if (random.nextInt(3) == 0) {
                body.append(' ').append(String.format(LINKS.get(random.nextInt(LINKS.size())), random.nextInt(100_000)));
            }
        }
        body.append(" #").append(random.nextLong() & Long.MAX_VALUE);
        return body.toString();
    }
}

package commonplace.events.language;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small, deterministic guess of a comment's language, enough to tell the Norwegian and English of commonplace's
 * discussions apart: an ISO 639-1 code ({@code no}, {@code en}) or {@code und} when the text does not say. The same
 * guess fills the {@code language} of CommentPosted version 1 events when they are upcast.
 */
public final class LanguageGuess {

    public static final String NORWEGIAN = "no";
    public static final String ENGLISH = "en";
    public static final String UNDETERMINED = "und";

    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    private static final Set<String> NORWEGIAN_WORDS = Set.of("og", "ikke", "det", "er", "jeg", "på", "som", "en",
            "et", "til", "med", "har", "av", "for", "at", "om", "men", "vi", "du", "kan", "hva", "hvor", "også",
            "bare", "fra", "godt", "takk", "veldig", "enig", "være", "meg", "dette", "episode", "synes");
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "is", "not", "of", "to", "with", "this",
            "that", "it", "you", "are", "was", "for", "have", "but", "what", "great", "thanks", "very", "agree",
            "i", "my", "on", "in", "be", "just", "also", "from", "think");

    private LanguageGuess() {
    }

    public static String of(String text) {
        if (text == null || text.isBlank()) {
            return UNDETERMINED;
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        int norwegian = 0;
        int english = 0;
        var words = WORD.matcher(lower.replaceAll("https?://\\S+", " "));
        while (words.find()) {
            String word = words.group();
            if (NORWEGIAN_WORDS.contains(word)) {
                norwegian++;
            }
            if (ENGLISH_WORDS.contains(word)) {
                english++;
            }
            if (word.indexOf('æ') >= 0 || word.indexOf('ø') >= 0 || word.indexOf('å') >= 0) {
                norwegian += 2;
            }
        }
        if (norwegian == english) {
            return UNDETERMINED;
        }
        return norwegian > english ? NORWEGIAN : ENGLISH;
    }
}

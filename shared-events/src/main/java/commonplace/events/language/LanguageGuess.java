package commonplace.events.language;

import java.util.Set;

/**
 * A small, deterministic guess of a comment's language, enough to tell the Norwegian and English of commonplace's
 * discussions apart: an ISO 639-1 code ({@code no}, {@code en}) or {@code und} when the text does not say. The same
 * guess fills the {@code language} of CommentPosted version 1 events when they are upcast.
 */
public final class LanguageGuess {

    public static final String NORWEGIAN = "no";
    public static final String ENGLISH = "en";
    public static final String UNDETERMINED = "und";

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
        // one pass over the text (it runs for every posted comment): words are runs of letters and apostrophes,
        // addresses are skipped whole
        int norwegian = 0;
        int english = 0;
        StringBuilder word = new StringBuilder(16);
        int length = text.length();
        for (int i = 0; i <= length; i++) {
            char c = i < length ? text.charAt(i) : ' ';
            if (Character.isLetter(c) || c == '\'') {
                word.append(Character.toLowerCase(c));
                continue;
            }
            if (c == ':' && i + 2 < length && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
                word.setLength(0);
                while (i < length && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                continue;
            }
            if (word.length() > 0) {
                String w = word.toString();
                if (NORWEGIAN_WORDS.contains(w)) {
                    norwegian++;
                }
                if (ENGLISH_WORDS.contains(w)) {
                    english++;
                }
                if (w.indexOf('æ') >= 0 || w.indexOf('ø') >= 0 || w.indexOf('å') >= 0) {
                    norwegian += 2;
                }
                word.setLength(0);
            }
        }
        if (norwegian == english) {
            return UNDETERMINED;
        }
        return norwegian > english ? NORWEGIAN : ENGLISH;
    }
}

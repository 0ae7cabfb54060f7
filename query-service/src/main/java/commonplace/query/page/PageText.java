package commonplace.query.page;

import java.util.Locale;

/** The few words of the pages themselves, in Norwegian Bokmål or English after the browser's languages. */
record PageText(String lang, String indexTitle, String noTopics, String comments, String feed, String allTopics,
                String untitled) {

    static final PageText ENGLISH = new PageText("en", "Discussions", "No discussions yet.", "comments",
            "Atom feed of this discussion", "All discussions", "(untitled)");
    static final PageText NORWEGIAN = new PageText("nb", "Diskusjoner", "Ingen diskusjoner ennå.", "kommentarer",
            "Atom-strøm for denne diskusjonen", "Alle diskusjoner", "(uten tittel)");

    /** The first of nb, nn, no or en in an {@code Accept-Language} header; English when none (or it is unreadable). */
    static PageText forLanguages(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.length() > 1000) {
            return ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String primary = range.getRange().split("-", 2)[0];
                if (primary.equals("nb") || primary.equals("nn") || primary.equals("no")) {
                    return NORWEGIAN;
                }
                if (primary.equals("en")) {
                    return ENGLISH;
                }
            }
        } catch (IllegalArgumentException e) {
            return ENGLISH;
        }
        return ENGLISH;
    }
}

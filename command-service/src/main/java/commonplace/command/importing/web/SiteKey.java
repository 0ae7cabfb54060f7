package commonplace.command.importing.web;

import commonplace.web.problem.ProblemException;

import java.util.regex.Pattern;

/** The {@code site} query parameter of imports and mappings: "" when absent, else 1..64 of {@code [A-Za-z0-9._-]}. */
final class SiteKey {

    private static final Pattern SITE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private SiteKey() {
    }

    /** @throws ProblemException 400 for a malformed key */
    static String of(String site) {
        String key = site == null ? "" : site.strip();
        if (!key.isEmpty() && !SITE.matcher(key).matches()) {
            throw ProblemException.invalid("site", "must be 1..64 of [A-Za-z0-9._-]");
        }
        return key;
    }
}

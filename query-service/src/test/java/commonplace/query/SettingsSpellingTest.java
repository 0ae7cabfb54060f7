package commonplace.query;

import commonplace.testing.settings.SettingsSpellingContract;

/** The query service's application.yml spells its settings as {@link SettingsSpellingContract} says. */
class SettingsSpellingTest implements SettingsSpellingContract {
}

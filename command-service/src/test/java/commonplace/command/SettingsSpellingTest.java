package commonplace.command;

import commonplace.testing.settings.SettingsSpellingContract;

/** The command service's application.yml spells its settings as {@link SettingsSpellingContract} says. */
class SettingsSpellingTest implements SettingsSpellingContract {
}

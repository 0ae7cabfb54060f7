package commonplace.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The shared web layer holds no domain code: it knows neither service, and of the event language only its ids. */
class ArchitectureTest {

    private static final JavaClasses WEB_SUPPORT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("commonplace.web");

    @Test
    void theWebLayerKnowsNeitherServiceNorTheirStores() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("commonplace.command..", "commonplace.query..",
                        "org.axonframework..", "org.apache.kafka..", "org.springframework.jdbc..")
                .check(WEB_SUPPORT);
    }

    @Test
    void ofTheEventLanguageOnlyTheIdentifierRulesAreUsed() {
        noClasses().should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "event language other than Identifiers", type -> type.getPackageName().startsWith("commonplace.events")
                                && !type.getName().equals("commonplace.events.Identifiers")))
                .check(WEB_SUPPORT);
    }
}

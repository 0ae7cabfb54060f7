package commonplace.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import commonplace.command.identity.Author;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The boundaries of the write side, by the role of each package: the domain (the topic's model and the link rules),
 * its HTTP adapters, and the infrastructure that stores, publishes and limits.
 */
class ArchitectureTest {

    private static final String[] DOMAIN = {"commonplace.command.topic.model..", "commonplace.command.links.."};
    private static final String[] WEB = {"commonplace.command.topic.web..", "commonplace.command.web.."};
    private static final String[] INFRASTRUCTURE = {"commonplace.command.topic", "commonplace.command.eventstore..",
            "commonplace.command.publishing..", "commonplace.command.idempotency..", "commonplace.command.directory..",
            "commonplace.command.ratelimit..", "commonplace.command.ids.."};

    private static JavaClasses commandService;

    @BeforeAll
    static void importClasses() {
        commandService = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("commonplace.command");
    }

    @Test
    void theDomainKnowsNoServletWebJdbcKafkaOrJacksonDatabindType() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.servlet..", "org.springframework.web..", "org.springframework.http..",
                        "org.springframework.security..", "org.springframework.jdbc..", "java.sql..", "javax.sql..",
                        "org.apache.kafka..", "com.fasterxml.jackson.databind..")
                .check(commandService);
    }

    /**
     * What the domain may use at all: itself, the published language, Axon, Jackson's annotations (the snapshot's
     * shape) and the JDK, plus the author of a command as the identity package makes it from the token.
     */
    @Test
    void theDomainDependsOnlyOnThePublishedLanguageAxonAndTheJdk() {
        classes().that().resideInAnyPackage(DOMAIN)
                .should().onlyDependOnClassesThat(resideInAnyPackage(DOMAIN)
                        .or(resideInAnyPackage("commonplace.events..", "org.axonframework..",
                                "com.fasterxml.jackson.annotation..", "java.."))
                        .or(equivalentTo(Author.class)))
                .check(commandService);
    }

    @Test
    void adaptersDependOnTheDomainNeverTheReverse() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy(DOMAIN)
                .layer("Web").definedBy(WEB)
                .layer("Infrastructure").definedBy(INFRASTRUCTURE)
                .whereLayer("Web").mayNotBeAccessedByAnyLayer()
                .whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Web")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Web", "Infrastructure")
                .check(commandService);
    }

    @Test
    void linksAreFindableWithoutAnyFramework() {
        classes().that().resideInAPackage("commonplace.command.links")
                .should().onlyDependOnClassesThat().resideInAnyPackage("commonplace.command.links",
                        "commonplace.events.links", "commonplace.events.text", "java..")
                .check(commandService);
    }

    @Test
    void nothingDependsOnTheQuerySide() {
        noClasses().should().dependOnClassesThat().resideInAPackage("commonplace.query..")
                .check(commandService);
    }

    @Test
    void onlyThePublishingPackageTalksToKafka() {
        noClasses().that().resideOutsideOfPackage("commonplace.command.publishing")
                .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
                .check(commandService);
    }
}

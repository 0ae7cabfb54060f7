package commonplace.command;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The boundaries of the write side. */
class ArchitectureTest {

    private static JavaClasses commandService;

    @BeforeAll
    static void importClasses() {
        commandService = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("commonplace.command");
    }

    /** The aggregate, its commands, results, rules and exceptions: what the topic package holds besides its REST. */
    private static final DescribedPredicate<JavaClass> TOPIC_DOMAIN = DescribedPredicate.describe(
            "topic domain classes", type -> type.getPackageName().equals("commonplace.command.topic")
                    && !type.getName().contains("Controller")
                    && !type.getName().startsWith("commonplace.command.topic.Answers"));

    @Test
    void theTopicDomainKnowsNoWebServletOrJdbcTypes() {
        noClasses().that(TOPIC_DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.servlet..", "org.springframework.web..", "org.springframework.http..",
                        "org.springframework.jdbc..", "java.sql..", "javax.sql..", "org.apache.kafka..")
                .check(commandService);
    }

    @Test
    void linksAreFindableWithoutAnyFramework() {
        classes().that().resideInAPackage("commonplace.command.links")
                .should().onlyDependOnClassesThat().resideInAnyPackage("commonplace.command.links",
                        "commonplace.events.links", "java..")
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

package commonplace.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The read side stands on the published event language and the Kafka log alone. */
class ArchitectureTest {

    private static final JavaClasses QUERY_SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("commonplace.query");

    @Test
    void theQueryServiceNeverUsesTheCommandSideOrAxon() {
        noClasses().that().resideInAPackage("commonplace.query..")
                .should().dependOnClassesThat().resideInAnyPackage("commonplace.command..", "org.axonframework..")
                .check(QUERY_SERVICE);
    }

    @Test
    void ingestionKnowsNoReadModelAndNoWebLayer() {
        noClasses().that().resideInAPackage("commonplace.query.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("commonplace.query.thread..",
                        "commonplace.query.timeline..", "commonplace.query.authorhistory..",
                        "commonplace.query.topics..", "commonplace.query.eventlog..", "commonplace.query.activity..",
                        "commonplace.query.web..", "commonplace.query.admin..", "commonplace.query.consistency..",
                        "org.springframework.web..")
                .check(QUERY_SERVICE);
    }

    @Test
    void controllersDoHttpOnlyAndLeaveTheSqlToTheQueriesOfTheirSlice() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(QUERY_SERVICE);
    }

    @Test
    void theRebuildReplaysThroughTheProjectionsAndKnowsNoReadModel() {
        noClasses().that().resideInAPackage("commonplace.query.rebuild..")
                .should().dependOnClassesThat().resideInAnyPackage("commonplace.query.thread..",
                        "commonplace.query.timeline..", "commonplace.query.authorhistory..",
                        "commonplace.query.topics..", "commonplace.query.eventlog..", "commonplace.query.activity..",
                        "commonplace.query.web..", "commonplace.query.admin..", "org.springframework.web..")
                .check(QUERY_SERVICE);
    }
}

package commonplace.events;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "commonplace.events", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedEventsArchitectureTest {

    /** Any consumer, with or without a framework, can depend on the published language. */
    @ArchTest
    static final ArchRule the_published_language_needs_no_framework = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                    "org.apache.kafka..");
}

package org.simexplorer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The package picture of docs/architecture.md, enforced: no cycles between packages; the core (embedding,
 * similarity, loss, evaluation) knows no web, no storage and no feature; controllers live only at the web edge
 * and in the features.
 */
@AnalyzeClasses(packages = "org.simexplorer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {"org.simexplorer.embedding..", "org.simexplorer.similarity..",
        "org.simexplorer.loss..", "org.simexplorer.evaluation.."};

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.simexplorer.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule coreKnowsNoWebAndNoStorage = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                    "org.springframework.http..", "jakarta.servlet..", "org.springframework.jdbc..",
                    "org.springframework.data..", "org.springframework.transaction..");

    @ArchTest
    static final ArchRule coreImportsNoFeature = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("org.simexplorer.api..",
                    "org.simexplorer.dataset..", "org.simexplorer.labels..", "org.simexplorer.transfer..",
                    "org.simexplorer.export..", "org.simexplorer.datasetloss..", "org.simexplorer.training..",
                    "org.simexplorer.comparison..", "org.simexplorer.formats..", "org.simexplorer.explorer..",
                    "org.simexplorer.system..", "org.simexplorer.cli..");

    @ArchTest
    static final ArchRule controllersLiveAtTheEdgeAndInFeatures = classes()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
            .should().resideInAnyPackage("org.simexplorer.api", "org.simexplorer.dataset",
                    "org.simexplorer.labels", "org.simexplorer.transfer", "org.simexplorer.export",
                    "org.simexplorer.datasetloss", "org.simexplorer.training", "org.simexplorer.comparison",
                    "org.simexplorer.explorer", "org.simexplorer.system", "org.simexplorer.security");

    /** Meter names are vocabulary that the core and the features share, like the errors. */
    @ArchTest
    static final ArchRule metricsDependOnNothingOfTheApp = noClasses().that().resideInAPackage("org.simexplorer.metrics..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.simexplorer.metrics..");

    @ArchTest
    static final ArchRule errorsDependOnNothingOfTheApp = noClasses().that().resideInAPackage("org.simexplorer.errors..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.simexplorer.errors..");

    /** The concurrency limits are shared by the core (the bounded embedder) and the features, so they know neither. */
    @ArchTest
    static final ArchRule limitsKnowNoWebAndNoFeature = noClasses().that().resideInAPackage("org.simexplorer.limits..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.simexplorer.limits..",
                    "org.simexplorer.errors..", "org.springframework.stereotype..",
                    "org.springframework.boot.context.properties..");
}

package org.simexplorer;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The package picture of docs/architecture.md, enforced: no cycles between packages; the core (embedding,
 * similarity, loss, evaluation) knows no web, no storage and no feature; controllers live only at the web edge
 * and in the features; features do not reach into the web edge; each noun keeps its one package.
 */
@AnalyzeClasses(packages = "org.simexplorer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURES = {"org.simexplorer.dataset..", "org.simexplorer.labels..",
        "org.simexplorer.transfer..", "org.simexplorer.export..", "org.simexplorer.datasetloss..",
        "org.simexplorer.training..", "org.simexplorer.comparison.."};

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

    /** The scheduler is shared by the features that run in the background, so it knows no feature and no web. */
    @ArchTest
    static final ArchRule schedulingKnowsNoFeatureAndNoWeb = noClasses().that()
            .resideInAPackage("org.simexplorer.scheduling..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax.sql..",
                    "org.simexplorer.scheduling..", "com.github.kagkarlsson..", "org.slf4j..",
                    "org.springframework.context..", "org.springframework.stereotype..",
                    "org.springframework.jdbc.datasource..", "org.springframework.boot.context.properties..");

    @ArchTest
    static final ArchRule featuresImportNoApiAndNoPages = noClasses().that().resideInAnyPackage(FEATURES)
            .should().dependOnClassesThat().resideInAnyPackage("org.simexplorer.api..", "org.simexplorer.explorer..");

    /**
     * Of the web edge in system/, features use only the problem-response annotation of their controllers and the
     * request limits; the status of a failure comes from errors.ErrorStatus.
     */
    @ArchTest
    static final ArchRule featuresUseOnlyAnnotationsAndLimitsOfSystem = noClasses().that().resideInAnyPackage(FEATURES)
            .should().dependOnClassesThat(resideInAPackage("org.simexplorer.system..")
                    .and(not(simpleName("ProblemResponses"))).and(not(simpleName("RequestLimits"))));

    /** Server-sent events go through sse.EventStreams; beside it only controllers and the two live-work holders. */
    @ArchTest
    static final ArchRule serverSentEventsGoThroughOneHelper = noClasses()
            .that().resideOutsideOfPackage("org.simexplorer.sse..")
            .and().areNotAnnotatedWith(RestController.class).and().areNotAnnotatedWith(Controller.class)
            .and().doNotHaveSimpleName("JobEvents").and().doNotHaveSimpleName("DatasetJobs")
            .should().dependOnClassesThat().areAssignableTo(SseEmitter.class);

    /** A training's progress stream is read from the database through sse/, so any instance can answer it. */
    @ArchTest
    static final ArchRule trainingStreamsNoEventsItself = noClasses().that().resideInAPackage("org.simexplorer.training..")
            .should().dependOnClassesThat().areAssignableTo(SseEmitter.class);

    @ArchTest
    static final ArchRule transferLivesInTransfer = classes().that().haveSimpleNameContaining("Transfer")
            .should().resideInAPackage("org.simexplorer.transfer");

    @ArchTest
    static final ArchRule exportLivesInExport = classes().that().haveSimpleNameStartingWith("Export")
            .should().resideInAPackage("org.simexplorer.export");

    @ArchTest
    static final ArchRule datasetLossesLiveInDatasetloss = classes().that().haveSimpleNameStartingWith("DatasetLoss")
            .or().haveSimpleName("MetricsView")
            .should().resideInAPackage("org.simexplorer.datasetloss");

    @ArchTest
    static final ArchRule concurrencyLimitsLiveInLimits = classes().that().haveSimpleNameStartingWith("Concurrency")
            .should().resideInAPackage("org.simexplorer.limits");

    @ArchTest
    static final ArchRule sentenceEmbeddersLiveInEmbedding = classes().that().haveSimpleNameEndingWith("SentenceEmbedder")
            .should().resideInAPackage("org.simexplorer.embedding");
}

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
                    "org.simexplorer.system..", "org.simexplorer.openapi..", "org.simexplorer.clients..",
                    "org.simexplorer.cli..");

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

    /**
     * The concurrency and request limits are shared by the core (the bounded embedder), the features and the web
     * edge, so they know none of them.
     */
    @ArchTest
    static final ArchRule limitsKnowNoWebAndNoFeature = noClasses().that().resideInAPackage("org.simexplorer.limits..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.simexplorer.limits..",
                    "org.simexplorer.errors..", "org.springframework.stereotype..",
                    "org.springframework.boot.context.properties..", "org.springframework.util.unit..");

    /** The scheduler is shared by the features that run in the background, so it knows no feature and no web. */
    @ArchTest
    static final ArchRule schedulingKnowsNoFeatureAndNoWeb = noClasses().that()
            .resideInAPackage("org.simexplorer.scheduling..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax.sql..",
                    "org.simexplorer.scheduling..", "com.github.kagkarlsson..", "org.slf4j..",
                    "org.springframework.context..", "org.springframework.stereotype..",
                    "org.springframework.jdbc.datasource..", "org.springframework.boot.context.properties..");

    /**
     * No feature imports the web edge: the status of a failure comes from errors.ErrorStatus, the request limits
     * from limits/, the problem-response annotation of a controller from openapi/.
     */
    @ArchTest
    static final ArchRule featuresImportNoWebEdge = noClasses().that().resideInAnyPackage(FEATURES)
            .should().dependOnClassesThat().resideInAnyPackage("org.simexplorer.system..", "org.simexplorer.api..",
                    "org.simexplorer.explorer..", "org.simexplorer.clients..");

    /** The API document reads the controllers' annotations; nothing but a controller's annotation reads it. */
    @ArchTest
    static final ArchRule openApiKnowsNoFeature = noClasses().that().resideInAPackage("org.simexplorer.openapi..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.simexplorer.system..", "org.simexplorer.api..",
                    "org.simexplorer.explorer..", "org.simexplorer.cli..");

    /** The slow-client defences stand in front of the app and know only how to write a problem detail. */
    @ArchTest
    static final ArchRule clientDefencesKnowNoFeature = noClasses().that().resideInAPackage("org.simexplorer.clients..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.simexplorer.api..", "org.simexplorer.explorer..",
                    "org.simexplorer.openapi..", "org.simexplorer.cli..");

    @ArchTest
    static final ArchRule clientDefencesLiveInClients = classes().that().haveSimpleNameStartingWith("Client")
            .or().haveSimpleNameStartingWith("SlowClient").or().haveSimpleName("RequestsInProgress")
            .should().resideInAPackage("org.simexplorer.clients");

    @ArchTest
    static final ArchRule apiDocumentLivesInOpenapi = classes().that().haveSimpleNameStartingWith("ApiDocument")
            .or().haveSimpleName("ProblemResponses")
            .should().resideInAPackage("org.simexplorer.openapi");

    /** Server-sent events go through sse/; beside it only controllers name SseEmitter. */
    @ArchTest
    static final ArchRule serverSentEventsGoThroughOneHelper = noClasses()
            .that().resideOutsideOfPackage("org.simexplorer.sse..")
            .and().areNotAnnotatedWith(RestController.class).and().areNotAnnotatedWith(Controller.class)
            .should().dependOnClassesThat().areAssignableTo(SseEmitter.class);

    /** A training's progress stream is read from the database through sse/, so any instance can answer it. */
    @ArchTest
    static final ArchRule trainingStreamsNoEventsItself = noClasses().that().resideInAPackage("org.simexplorer.training..")
            .should().dependOnClassesThat().areAssignableTo(SseEmitter.class);

    /** The dataset feature streams its jobs' progress through sse/ only: no class of it but its controllers names SseEmitter. */
    @ArchTest
    static final ArchRule datasetStreamsOnlyThroughSse = noClasses().that().resideInAPackage("org.simexplorer.dataset..")
            .and().areNotAnnotatedWith(RestController.class).and().areNotAnnotatedWith(Controller.class)
            .should().dependOnClassesThat().areAssignableTo(SseEmitter.class);

    @ArchTest
    static final ArchRule transferLivesInTransfer = classes().that().haveSimpleNameContaining("Transfer")
            .should().resideInAPackage("org.simexplorer.transfer");

    @ArchTest
    static final ArchRule exportLivesInExport = classes().that().haveSimpleNameStartingWith("Export")
            .should().resideInAPackage("org.simexplorer.export");

    @ArchTest
    static final ArchRule datasetLossesLiveInDatasetloss = classes().that().haveSimpleNameStartingWith("DatasetLoss")
            .should().resideInAPackage("org.simexplorer.datasetloss");

    /** One evaluator of labelled pairs and its metrics; PairScores are the losses' dot products only. */
    @ArchTest
    static final ArchRule pairMetricsLiveInEvaluation = classes().that().haveSimpleNameEndingWith("Metrics")
            .or().haveSimpleNameStartingWith("PairClassification")
            .should().resideInAPackage("org.simexplorer.evaluation");

    @ArchTest
    static final ArchRule pairScoresLiveInLoss = classes().that().haveSimpleNameStartingWith("PairScores")
            .should().resideInAPackage("org.simexplorer.loss");

    @ArchTest
    static final ArchRule limitsLiveInLimits = classes().that().haveSimpleNameStartingWith("Concurrency")
            .or().haveSimpleName("RequestLimits")
            .should().resideInAPackage("org.simexplorer.limits");

    @ArchTest
    static final ArchRule sentenceEmbeddersLiveInEmbedding = classes().that().haveSimpleNameEndingWith("SentenceEmbedder")
            .should().resideInAPackage("org.simexplorer.embedding");
}

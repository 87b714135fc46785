package org.simexplorer.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The page buttons for what was API-only: the dataset page's whole-dataset export and training bundle, and the
 * home page's import, clicked in headless Chromium. Also Swagger UI, which must load within the page's
 * Content-Security-Policy like every other page (BrowserTest checks the console after each test).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatasetTransferBrowserIT extends BrowserTest {

    static final List<String> SENTENCES = List.of("A cat is sleeping on the sofa.", "A kitten naps on the couch.",
            "The stock market fell sharply today.", "Share prices dropped at the close of trading.",
            "The train to Berlin is delayed by an hour.", "Our flight was cancelled because of the storm.");

    @Test
    void anExportedDatasetImportedOnTheHomePageHasTheSameSentencesAndLabels() throws Exception {
        ExplorerPage page = page();
        long id = page.createByPasting("Round trip", SENTENCES);
        String labels = "[{\"i\":0,\"j\":1,\"label\":1},{\"i\":2,\"j\":3,\"label\":1},{\"i\":0,\"j\":2,\"label\":-1}]";
        HttpResponse<String> put = ExplorerPage.HTTP.send(HttpRequest.newBuilder(URI.create(page.url("/api/datasets/"
                + id + "/labels"))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(labels)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        driver.navigate().refresh();
        page.waitForHeatmap();

        Path downloads = Files.createTempDirectory("simexplorer-downloads");
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toAbsolutePath().toString(), "eventsEnabled", true));
        driver.findElement(By.id("export-dataset")).click();
        Path file = downloads.resolve("dataset-" + id + ".json");
        page.waitUpTo(30).until(d -> Files.exists(file) && !partialDownloads(downloads));
        JsonNode exported = ExplorerPage.JSON.readTree(Files.readString(file));
        assertThat(exported.get("sentences").size()).isEqualTo(SENTENCES.size());

        // the training bundle's link carries the loss picked on the page
        WebElement bundle = driver.findElement(By.id("export-bundle"));
        page.waitUpTo(30).until(d -> bundle.isDisplayed());
        new Select(driver.findElement(By.id("bundle-loss"))).selectByValue("contrastive");
        assertThat(bundle.getDomProperty("href")).endsWith("/api/datasets/" + id
                + "/export/training?loss=contrastive&seed=0");
        bundle.click();
        Path zip = downloads.resolve("dataset-" + id + "-training-contrastive.zip");
        page.waitUpTo(30).until(d -> Files.exists(zip) && !partialDownloads(downloads));
        assertThat(Files.readAllBytes(zip)).startsWith(0x50, 0x4b);

        driver.get(page.url("/"));
        driver.findElement(By.id("import-dataset-file")).sendKeys(file.toAbsolutePath().toString());
        page.waitUpTo(60).until(d -> d.getCurrentUrl().matches(".*/datasets/\\d+$")
                && !d.getCurrentUrl().endsWith("/datasets/" + id));
        String current = driver.getCurrentUrl();
        long imported = Long.parseLong(current.substring(current.lastIndexOf('/') + 1));
        page.waitForHeatmap();

        JsonNode original = datasetView(page, id);
        JsonNode copy = datasetView(page, imported);
        assertThat(copy.get("sentences")).isEqualTo(original.get("sentences"));
        assertThat(copy.get("counts").get("labels").asInt()).isEqualTo(3);
        assertThat(page.labelsViaApi(imported)).isEqualTo(page.labelsViaApi(id));
    }

    @Test
    void aFileThatIsNoExportIsRefusedOnTheHomePageWithTheServersReason() throws Exception {
        Path wrong = Files.createTempFile("not-an-export", ".json");
        Files.writeString(wrong, "{\"format\": \"something else\"}");
        driver.get(page().url("/"));
        driver.findElement(By.id("import-dataset-file")).sendKeys(wrong.toAbsolutePath().toString());
        WebElement error = driver.findElement(By.id("form-error"));
        page().waitUpTo(30).until(d -> error.isDisplayed());
        assertThat(error.getText()).isNotBlank();
        assertThat(driver.getCurrentUrl()).endsWith("/");
    }

    @Test
    void swaggerUiShowsTheApiWithinTheContentSecurityPolicy() {
        driver.get(page().url("/swagger-ui.html"));
        page().waitUpTo(60).until(d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());
        List<String> tags = driver.findElements(By.cssSelector(".opblock-tag")).stream().map(WebElement::getText)
                .toList();
        for (String tag : List.of("Datasets", "Labels", "Adapters", "Export and import", "Compare and map")) {
            assertThat(tags).as("Swagger UI's tag headings").anyMatch(text -> text.startsWith(tag));
        }
    }

    private static boolean partialDownloads(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private static JsonNode datasetView(ExplorerPage page, long id) throws Exception {
        HttpResponse<String> response = ExplorerPage.HTTP.send(HttpRequest.newBuilder(URI.create(page.url(
                "/api/datasets/" + id))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return ExplorerPage.JSON.readTree(response.body());
    }
}

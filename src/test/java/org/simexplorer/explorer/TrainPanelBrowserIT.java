package org.simexplorer.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Train panel in a real headless Chromium with the real model: train from the page, watch the curve grow while
 * it runs, read the before/after metrics, and switch the heatmap to the adapter and to the difference.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrainPanelBrowserIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String[] TOPICS = {"the weather", "a football match", "cooking pasta", "the stock market",
        "a new phone", "gardening", "a train delay", "learning piano"};
    private static Path dataDir;
    private static ChromeDriver driver;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("simexplorer-train-it");
        registry.add("simexplorer.data-dir", () -> dataDir.toString());
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        driver = BrowserSession.start(Files.createTempDirectory("simexplorer-chromium"));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private HttpResponse<String> send(String method, String path, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static final String[] TEMPLATES = {"I keep thinking about %s.", "Yesterday's long article covered %s.",
        "My neighbour never stops talking about %s!", "Is %s really worth all this attention?",
        "There was a podcast on %s this morning.", "We argued about %s over dinner."};

    /**
     * 6 templates × 8 topics: a pair on one topic in two templates is similar, a pair of two topics in one template
     * dissimilar. The base model leans on the shared template; an adapter can learn to lean on the topic.
     */
    private long labelledDataset() throws Exception {
        List<String> sentences = new ArrayList<>();
        for (String template : TEMPLATES) {
            for (String topic : TOPICS) sentences.add(String.format(template, topic));
        }
        int topics = TOPICS.length;
        List<Map<String, Integer>> labels = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            for (int a = 0; a < TEMPLATES.length; a += 2) {
                labels.add(Map.of("i", a * topics + t, "j", (a + 1) * topics + t, "label", 1));
            }
        }
        for (int a = 0; a < TEMPLATES.length; a++) {
            for (int t = 0; t < topics; t += 2) labels.add(Map.of("i", a * topics + t, "j", a * topics + t + 1, "label", -1));
        }
        HttpResponse<String> created = send("POST", "/api/datasets", Map.of("name", "train-panel", "sentences", sentences));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertThat(send("PUT", "/api/datasets/" + id + "/labels", labels).statusCode()).isEqualTo(200);
        return id;
    }

    private String script(String js) {
        return String.valueOf(driver.executeScript(js));
    }

    /** A fingerprint of the heatmap's pixels, to tell two drawings apart. */
    private String heatmapPixels() {
        return script("const c = document.getElementById('heatmap');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "let h = 0; for (let k = 0; k < d.length; k += 4) h = (h * 31 + d[k] * 7 + d[k + 1] * 3 + d[k + 2]) | 0;"
                + "return String(h);");
    }

    @Test
    void trainFromThePageWatchTheCurveGrowAndSwitchTheHeatmap() throws Exception {
        long id = labelledDataset();
        driver.get(url("/datasets/" + id));
        waitUpTo(120).until(d -> "true".equals(script("return document.body.dataset.heatmapReady || null;")));
        waitUpTo(30).until(d -> new Select(driver.findElement(By.id("train-loss"))).getOptions().size() == 7);
        new Select(driver.findElement(By.id("train-loss"))).selectByValue("contrastive");
        assertThat(driver.findElement(By.id("train-advice")).getText()).contains("far enough");
        WebElement steps = driver.findElement(By.id("train-steps"));
        steps.clear();
        steps.sendKeys("600");
        WebElement rate = driver.findElement(By.id("train-rate"));
        rate.clear();
        rate.sendKeys("0.01");
        String base = heatmapPixels();
        driver.findElement(By.id("train-start")).click();

        // The curve grows while the training runs: several point counts are seen with the status still running.
        TreeSet<Integer> seenWhileRunning = new TreeSet<>();
        waitUpTo(180).until(d -> {
            String status = script("return document.getElementById('train-status').dataset.status || '';");
            int points = Integer.parseInt(script("return document.getElementById('train-chart-box').dataset.points;"));
            if (status.equals("running")) seenWhileRunning.add(points);
            return status.equals("done");
        });
        assertThat(seenWhileRunning).as("curve point counts seen while running").hasSizeGreaterThanOrEqualTo(2);
        assertThat(script("return document.getElementById('train-chart-box').dataset.points;")).isEqualTo("61");

        List<WebElement> rows = driver.findElements(By.cssSelector("#train-metrics tr"));
        assertThat(rows).hasSize(8);
        List<WebElement> auc = rows.get(0).findElements(By.tagName("td"));
        assertThat(auc.get(0).getText()).isEqualTo("validation");
        assertThat(auc.get(1).getText()).isEqualTo("ROC-AUC");
        // each ROC-AUC comes with its 95 % interval, and the few validation pairs carry a caution
        String withInterval = "(0\\.\\d{3}|1\\.000) \\[[01]\\.\\d{2}, [01]\\.\\d{2}\\]";
        assertThat(auc.get(2).getText()).matches(withInterval);
        assertThat(auc.get(3).getText()).matches(withInterval);
        assertThat(Double.parseDouble(auc.get(3).getText().split(" ")[0]))
                .isGreaterThanOrEqualTo(Double.parseDouble(auc.get(2).getText().split(" ")[0]));
        assertThat(driver.findElement(By.id("train-caution")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("train-caution")).getText()).startsWith("Few validation pairs").contains("30");

        assertThat(driver.findElement(By.id("adapter-view")).isDisplayed()).isTrue();
        WebElement export = driver.findElement(By.id("adapter-export-link"));
        assertThat(export.isDisplayed()).isTrue();
        HttpResponse<byte[]> zip = HTTP.send(HttpRequest.newBuilder(URI.create(export.getAttribute("href"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(new String(zip.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).as("a zip").isEqualTo("PK");
        driver.findElement(By.id("view-adapter")).click();
        waitUpTo(60).until(d -> "adapter".equals(script("return document.body.dataset.heatmapView || '';")));
        String adapter = heatmapPixels();
        String adapterModel = script("return document.getElementById('train-status').textContent.split(':').slice(0, 2).join(':');");
        assertThat(adapterModel).startsWith("all-minilm-l6-v2:d" + id + "-contrastive");
        assertThat(driver.findElement(By.id("heatmap-title")).getText()).isEqualTo("Cosine similarity under the adapter "
                + adapterModel);
        assertThat(driver.findElement(By.id("legend-text")).getText()).contains("under " + adapterModel + " from");
        long adapterId = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/datasets/" + id
                + "/adapters"))).GET().build(), HttpResponse.BodyHandlers.ofString()).body()).get(0).get("id").asLong();
        int bestStep = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/adapters/" + adapterId)))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body()).get("bestStep").asInt();
        // With the best step at 0 the adapter is W = I and draws exactly as the base does.
        if (bestStep > 0) assertThat(adapter).isNotEqualTo(base);
        else assertThat(adapter).isEqualTo(base);
        driver.findElement(By.id("view-difference")).click();
        waitUpTo(60).until(d -> "difference".equals(script("return document.body.dataset.heatmapView || '';")));
        String difference = heatmapPixels();
        assertThat(difference).as("the difference is drawn on the diverging scale").isNotEqualTo(base);
        assertThat(driver.findElement(By.id("view-difference")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(driver.findElement(By.id("heatmap-title")).getText())
                .isEqualTo("Adapter \u2212 base: " + adapterModel + " minus all-minilm-l6-v2");
        assertThat(driver.findElement(By.id("legend-text")).getText()).startsWith("Colour: adapter \u2212 base");
        driver.findElement(By.id("view-base")).click();
        waitUpTo(30).until(d -> "base".equals(script("return document.body.dataset.heatmapView || '';")));
        assertThat(heatmapPixels()).isEqualTo(base);
        assertThat(driver.findElement(By.id("heatmap-title")).getText())
                .isEqualTo("Cosine similarity under all-minilm-l6-v2");
    }
    private void openAndWaitForTheTrainPanel(long id) {
        driver.get(url("/datasets/" + id));
        waitUpTo(120).until(d -> "true".equals(script("return document.body.dataset.heatmapReady || null;")));
        waitUpTo(30).until(d -> new Select(driver.findElement(By.id("train-loss"))).getOptions().size() == 7);
        waitUpTo(30).until(d -> !driver.findElement(By.id("train-name")).getAttribute("value").isEmpty());
        WebElement steps = driver.findElement(By.id("train-steps"));
        steps.clear();
        steps.sendKeys("10");
    }

    private void waitForStatus(String status) {
        waitUpTo(120).until(d -> status.equals(script("return document.getElementById('train-status').dataset.status || '';")));
    }

    /** Trains one per loss from the page and waits until the table shows all seven done. */
    private void trainOnePerLoss() {
        driver.findElement(By.id("compare-start")).click();
        // read in one script: the table is rebuilt every second while the run trains
        waitUpTo(300).until(d -> "done,done,done,done,done,done,done".equals(script("return Array.from("
                + "document.querySelectorAll('#compare-body tr'), (r) => r.cells[1].textContent).join(',');")));
        assertThat(driver.findElement(By.id("compare-error")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("compare-status")).getText()).isEqualTo("7 of 7 done.");
    }

    /** The notes name the best loss (or say all tie) and explain each best step of 0 the table shows. */
    private void assertTheNotesExplainTheTable() {
        String notes = driver.findElement(By.id("compare-notes")).getText();
        String best = script("return Array.from(document.querySelectorAll('#compare-body tr[data-best=true]'),"
                + " (r) => r.dataset.loss).join(', ');");
        if (best.isEmpty()) assertThat(notes).contains("Every loss reached the same validation ROC-AUC");
        else assertThat(notes).contains("Best on the validation pairs: " + best + ",");
        String kept = script("return Array.from(document.querySelectorAll('#compare-body tr'))"
                + ".filter((r) => r.cells[2].textContent === '0 (base kept)').map((r) => r.dataset.loss).join(', ');");
        if (kept.isEmpty()) assertThat(notes).doesNotContain("Best step 0");
        else assertThat(notes).contains("Best step 0 (" + kept + ")");
    }

    /** The option values of the second Compare picker's groups, by group label, in the picker's order. */
    @SuppressWarnings("unchecked")
    private Map<String, List<String>> pickerGroups() {
        List<List<Object>> groups = (List<List<Object>>) driver.executeScript("return Array.from("
                + "document.querySelectorAll('#comparison-model-1 optgroup'), (g) => [g.label,"
                + " Array.from(g.querySelectorAll('option'), (o) => o.value)]);");
        Map<String, List<String>> byLabel = new LinkedHashMap<>();
        for (List<Object> g : groups) byLabel.put((String) g.get(0), (List<String>) g.get(1));
        return byLabel;
    }

    @Test
    void twoDatasetsOfOneModelEachTrainAndTrainOnePerLoss() throws Exception {
        long first = labelledDataset();
        long second = labelledDataset();

        openAndWaitForTheTrainPanel(first);
        assertThat(driver.findElement(By.id("train-name")).getAttribute("value")).isEqualTo("d" + first + "-cosent");
        driver.findElement(By.id("train-start")).click();
        waitForStatus("done");
        // the new adapter is a model the Compare pickers offer at once, under this dataset
        String firstCosent = "all-minilm-l6-v2:d" + first + "-cosent";
        waitUpTo(30).until(d -> pickerGroups().getOrDefault("adapters of this dataset (d" + first + ")", List.of())
                .contains(firstCosent));
        trainOnePerLoss();
        assertTheNotesExplainTheTable();

        openAndWaitForTheTrainPanel(second);
        assertThat(driver.findElement(By.id("train-name")).getAttribute("value")).isEqualTo("d" + second + "-cosent");
        Map<String, List<String>> groups = pickerGroups();
        assertThat(groups.keySet()).first().isEqualTo("built-in models");
        assertThat(groups.get("adapters of dataset d" + first + ": train-panel")).contains(firstCosent)
                .hasSize(8);

        // a name another dataset's adapter holds is refused, and the error stays through the renders that follow
        WebElement name = driver.findElement(By.id("train-name"));
        name.clear();
        name.sendKeys("d" + first + "-cosent");
        driver.findElement(By.id("train-start")).click();
        waitUpTo(30).until(d -> driver.findElement(By.id("train-error")).isDisplayed());
        assertThat(driver.findElement(By.id("train-error-text")).getText()).contains("already taken");
        name.clear();
        name.sendKeys("d" + second + "-cosent");
        trainOnePerLoss();
        assertTheNotesExplainTheTable();
        assertThat(driver.findElement(By.id("train-error")).isDisplayed()).as("shown until dismissed").isTrue();
        driver.findElement(By.id("train-error-close")).click();
        assertThat(driver.findElement(By.id("train-error")).isDisplayed()).isFalse();

        driver.findElement(By.id("train-start")).click();
        waitForStatus("done");
        assertThat(driver.findElement(By.id("train-error")).isDisplayed()).isFalse();
        String here = "adapters of this dataset (d" + second + ")";
        waitUpTo(30).until(d -> pickerGroups().getOrDefault(here, List.of())
                .contains("all-minilm-l6-v2:d" + second + "-cosent"));
        assertThat(pickerGroups().keySet()).first().isEqualTo(here);
        assertThat(pickerGroups().get(here)).hasSize(8);
    }
}

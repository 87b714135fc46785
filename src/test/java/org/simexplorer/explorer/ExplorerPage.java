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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the browser tests do on the app's pages, and what they ask its API, against one running app. */
final class ExplorerPage {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ChromeDriver driver;
    private final int port;

    ExplorerPage(ChromeDriver driver, int port) {
        this.driver = driver;
        this.port = port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /** Creates a dataset through the home page's paste form and waits for its heatmap. */
    long createByPasting(String name, List<String> sentences) {
        driver.get(url("/"));
        driver.findElement(By.id("name")).sendKeys(name);
        WebElement area = driver.findElement(By.id("sentences"));
        // JS sets the value: sendKeys would type each line's newline into the textarea fine, but it is slow
        driver.executeScript("arguments[0].value = arguments[1];", area, String.join("\n", sentences));
        driver.findElement(By.id("create-button")).click();
        waitUpTo(180).until(d -> d.getCurrentUrl().matches(".*/datasets/\\d+$"));
        waitForHeatmap();
        String current = driver.getCurrentUrl();
        return Long.parseLong(current.substring(current.lastIndexOf('/') + 1));
    }

    void waitForHeatmap() {
        waitForHeatmap(120);
    }

    void waitForHeatmap(int seconds) {
        waitUpTo(seconds).until(d -> "true".equals(driver.executeScript("return document.body.dataset.heatmapReady || null;")));
    }

    /** Clicks the middle of display cell (row, col) of an n×n heatmap in full view. */
    void clickCell(int row, int col, int n) {
        WebElement overlay = driver.findElement(By.id("overlay"));
        double cell = 640.0 / n;
        int x = (int) Math.round((col + 0.5) * cell - 320);
        int y = (int) Math.round((row + 0.5) * cell - 320);
        new Actions(driver).moveToElement(overlay, x, y).click().perform();
    }

    /** The labels the server holds, as "i,j" → label. */
    Map<String, Integer> labelsViaApi(long id) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/datasets/" + id + "/labels")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        return labelMap(body.isArray() ? body : body.get("labels"));
    }

    /** The labels the page holds (its inspection hook), as "i,j" → label. */
    Map<String, Integer> labelsOnPage() {
        Object list = driver.executeScript("return JSON.stringify(window.simexplorer.labels());");
        return labelMap(JSON.readTree(String.valueOf(list)));
    }

    int pendingSaves() {
        return ((Number) driver.executeScript("return window.simexplorer.pendingSaves();")).intValue();
    }

    /** Waits until the server holds exactly the labels the condition accepts (or the wait times out). */
    void waitForServer(long id, java.util.function.Predicate<Map<String, Integer>> condition) {
        waitUpTo(30).until(d -> {
            try {
                return condition.test(labelsViaApi(id));
            } catch (IOException | InterruptedException e) {
                return false;
            }
        });
    }

    private static Map<String, Integer> labelMap(JsonNode list) {
        Map<String, Integer> labels = new TreeMap<>();
        for (JsonNode l : list) {
            labels.put(l.get("i").asInt() + "," + l.get("j").asInt(), l.get("label").asInt());
        }
        return labels;
    }

    /**
     * Runs axe-core (the npm package the build unpacks into target/axe) on the current page and returns its
     * serious and critical violations as "rule: target" lines.
     */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() throws IOException {
        Path axe = Path.of("target", "axe", "package", "axe.min.js");
        assertThat(axe).as("axe-core unpacked by the build's pre-integration-test step").exists();
        driver.executeScript(Files.readString(axe));
        Object result = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)),"
                        + " e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));");
        List<String> found = new ArrayList<>();
        for (JsonNode v : JSON.readTree(String.valueOf(result))) {
            String impact = v.path("impact").asText();
            if (!impact.equals("serious") && !impact.equals("critical")) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            for (JsonNode node : v.path("nodes")) {
                targets.add(node.path("target").toString() + " " + node.path("failureSummary").asText().replace('\n', ' '));
            }
            found.add(impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " " + targets);
        }
        return found;
    }

    /** Presses Tab until the element with this id has the focus; fails after 80 presses. */
    void tabTo(String id) {
        for (int k = 0; k < 80; k++) {
            Object active = driver.executeScript("return document.activeElement && document.activeElement.id;");
            if (id.equals(active)) {
                return;
            }
            new Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached #" + id);
    }
}

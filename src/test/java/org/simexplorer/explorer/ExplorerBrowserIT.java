package org.simexplorer.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The explorer in a real headless Chromium against the running app, with the real model and a fresh H2
 * database in a temporary folder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExplorerBrowserIT extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private String url(String path) {
        return page().url(path);
    }

    private WebDriverWait waitUpTo(int seconds) {
        return page().waitUpTo(seconds);
    }

    private long createByPasting(String name, List<String> sentences) {
        return page().createByPasting(name, sentences);
    }

    private void waitForHeatmap() {
        page().waitForHeatmap();
    }

    private int analysisVersion() {
        Object v = driver.executeScript("return document.getElementById('explorer').dataset.analysisVersion || '0';");
        return Integer.parseInt(String.valueOf(v));
    }

    private void waitForAnalysisAfter(int version) {
        waitUpTo(60).until(d -> analysisVersion() > version);
    }

    private void clickCell(int row, int col, int n) {
        page().clickCell(row, col, n);
    }

    private Map<String, Integer> labelsViaApi(long id) throws Exception {
        return page().labelsViaApi(id);
    }

    private List<String> lossValues() {
        List<String> values = new ArrayList<>();
        for (WebElement cell : driver.findElements(By.cssSelector("#loss-rows .loss-number"))) {
            values.add(cell.getText());
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private long[] pixelAt(String canvasId, int x, int y) {
        List<Long> rgba = (List<Long>) driver.executeScript(
                "const c = document.getElementById(arguments[0]);"
                        + "return Array.from(c.getContext('2d').getImageData(arguments[1], arguments[2], 1, 1).data);",
                canvasId, x, y);
        return rgba.stream().mapToLong(Long::longValue).toArray();
    }

    private long orangePixels() {
        Object count = driver.executeScript(
                "const c = document.getElementById('overlay');"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                        + "for (let k = 0; k < d.length; k += 4) if (d[k] === 255 && d[k + 1] === 140 && d[k + 2] === 0) n++;"
                        + "return n;");
        return ((Number) count).longValue();
    }

    /** Number of distinct colours on the heatmap canvas, sampled on a grid. */
    private long distinctHeatmapColours() {
        Object count = driver.executeScript(
                "const c = document.getElementById('heatmap');"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "const seen = new Set(); let opaque = 0;"
                        + "for (let k = 0; k < d.length; k += 4 * 37) { if (d[k + 3] === 255) opaque++;"
                        + "  seen.add((d[k] << 16) | (d[k + 1] << 8) | d[k + 2]); }"
                        + "return opaque > 0 ? seen.size : 0;");
        return ((Number) count).longValue();
    }

    private static final List<String> SMALL = List.of(
            "A cat is sleeping on the sofa.",
            "A kitten naps on the couch.",
            "The stock market fell sharply today.",
            "Share prices dropped at the close of trading.",
            "He is cooking pasta for dinner.",
            "She bakes bread every Sunday morning.",
            "The train to Berlin is delayed by an hour.",
            "Our flight was cancelled because of the storm.");

    @Test
    void labelsByClickAndKeySurviveReloadUndoAndQueue() throws Exception {
        long id = createByPasting("Browser test", SMALL);
        int n = SMALL.size();

        assertThat(distinctHeatmapColours()).as("heatmap drawn with more than one colour").isGreaterThan(3);
        waitUpTo(60).until(d -> analysisVersion() >= 1);
        List<String> before = lossValues();
        assertThat(before).isNotEmpty().allMatch(v -> v.equals("—"));

        // a click with the "+ similar" tool labels (0, 1)
        int version = analysisVersion();
        driver.findElement(By.id("tool-similar")).click();
        clickCell(0, 1, n);
        waitUpTo(30).until(d -> {
            try {
                return Integer.valueOf(1).equals(labelsViaApi(id).get("0,1"));
            } catch (Exception e) {
                return false;
            }
        });
        waitForAnalysisAfter(version);
        List<String> afterOne = lossValues();

        // select (2, 3) with a click, label it with the D key
        version = analysisVersion();
        driver.findElement(By.id("tool-select")).click();
        clickCell(2, 3, n);
        assertThat(driver.findElement(By.id("sel-a")).getText()).isEqualTo(SMALL.get(2));
        new Actions(driver).sendKeys("d").perform();
        waitUpTo(30).until(d -> {
            try {
                return Integer.valueOf(-1).equals(labelsViaApi(id).get("2,3"));
            } catch (Exception e) {
                return false;
            }
        });
        waitForAnalysisAfter(version);
        List<String> afterTwo = lossValues();
        assertThat(afterOne).as("losses after the first label").isNotEqualTo(before);
        assertThat(afterTwo).as("losses after the second label").isNotEqualTo(afterOne);
        assertThat(afterTwo).anyMatch(v -> v.matches("-?[0-9.e+]+"));

        // reload: both marks are drawn in their cells (+ an Okabe-Ito blue circle, − an orange square, each with
        // a white glyph through the centre: sample a point off the glyph's bars)
        driver.navigate().refresh();
        waitForHeatmap();
        assertThat(driver.findElement(By.id("label-count")).getText()).isEqualTo("2");
        double cell = 640.0 / n;
        int off = (int) (cell * 0.16);
        long[] plus = pixelAt("overlay", (int) (1.5 * cell) + off, (int) (0.5 * cell) + off);
        long[] minus = pixelAt("overlay", (int) (3.5 * cell) + off, (int) (2.5 * cell) + off);
        long[] plusCentre = pixelAt("overlay", (int) (1.5 * cell), (int) (0.5 * cell));
        assertThat(plus).as("+ mark at (0,1)").containsExactly(0, 114, 178, 255);
        assertThat(minus).as("− mark at (2,3)").containsExactly(230, 159, 0, 255);
        assertThat(plusCentre).as("white glyph").containsExactly(255, 255, 255, 255);

        // label (4, 5) with S, then undo it with Z
        clickCell(4, 5, n);
        new Actions(driver).sendKeys("s").perform();
        waitUpTo(30).until(d -> {
            try {
                return labelsViaApi(id).containsKey("4,5");
            } catch (Exception e) {
                return false;
            }
        });
        new Actions(driver).sendKeys("z").perform();
        waitUpTo(30).until(d -> {
            try {
                return !labelsViaApi(id).containsKey("4,5");
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(labelsViaApi(id)).containsOnlyKeys("0,1", "2,3");

        // Backspace clears the selected pair's label: select (3, 2), i.e. the labelled pair (2, 3), and clear it,
        // then put it back with D
        clickCell(3, 2, n);
        new Actions(driver).sendKeys(Keys.BACK_SPACE).perform();
        waitUpTo(30).until(d -> {
            try {
                return !labelsViaApi(id).containsKey("2,3");
            } catch (Exception e) {
                return false;
            }
        });
        new Actions(driver).sendKeys("d").perform();
        waitUpTo(30).until(d -> {
            try {
                return Integer.valueOf(-1).equals(labelsViaApi(id).get("2,3"));
            } catch (Exception e) {
                return false;
            }
        });

        // the pair queue: label the suggested pair with S, then skip the next one with Enter
        driver.findElement(By.id("queue-start")).click();
        // the queue shows after the page has fetched the labels' consistency
        waitUpTo(30).until(d -> !d.findElement(By.id("queue-i")).getText().isEmpty());
        int qi = Integer.parseInt(driver.findElement(By.id("queue-i")).getText().substring(1));
        int qj = Integer.parseInt(driver.findElement(By.id("queue-j")).getText().substring(1));
        new Actions(driver).sendKeys("s").perform();
        waitUpTo(30).until(d -> {
            try {
                return Integer.valueOf(1).equals(labelsViaApi(id).get(Math.min(qi, qj) + "," + Math.max(qi, qj)));
            } catch (Exception e) {
                return false;
            }
        });
        String nextPair = driver.findElement(By.id("queue-i")).getText() + driver.findElement(By.id("queue-j")).getText();
        assertThat(nextPair).isNotEqualTo("#" + qi + "#" + qj);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        String afterSkip = driver.findElement(By.id("queue-i")).getText() + driver.findElement(By.id("queue-j")).getText();
        assertThat(afterSkip).isNotEqualTo(nextPair);
        assertThat(labelsViaApi(id)).hasSize(3);

        waitUpTo(30).until(d -> driver.findElement(By.id("m-pairs")).getText().startsWith("3"));

        // selecting a loss outlines its largest contributions on the heatmap (orange)
        assertThat(orangePixels()).isZero();
        driver.findElement(By.cssSelector("#loss-rows tr[data-loss='cosine-mse']")).click();
        // the contributions arrive with the loss's own call, made when it is selected
        waitUpTo(30).until(d -> orangePixels() > 100);
        BrowserSession.screenshot(driver, "dataset-small");
    }

    @Test
    void markupInSentencesIsShownAsTextAndNeverRuns() throws Exception {
        String script = "<script>window.__xss = 1; alert(1)</script>";
        String image = "<img src=x onerror=\"window.__xss = 2; alert(2)\">";
        List<String> sentences = List.of(script, image, "An ordinary sentence about the weather.",
                "Another ordinary sentence, about lunch.");
        long id = createByPasting("<img src=x onerror=\"window.__xss = 3\">", sentences);

        // hover the (0, 1) cell: the tooltip shows both payloads as text
        WebElement overlay = driver.findElement(By.id("overlay"));
        new Actions(driver).moveToElement(overlay, (int) (1.5 * 160 - 320), (int) (0.5 * 160 - 320)).perform();
        waitUpTo(10).until(d -> d.findElement(By.id("tooltip")).isDisplayed());
        assertThat(driver.findElement(By.id("tooltip-a")).getText()).isEqualTo(script);
        assertThat(driver.findElement(By.id("tooltip-b")).getText()).isEqualTo(image);
        clickCell(0, 1, 4);
        assertThat(driver.findElement(By.id("sel-b")).getText()).isEqualTo(image);
        assertThat(driver.findElements(By.cssSelector("#explorer img, #explorer script:not([src])"))).isEmpty();

        driver.get(url("/"));
        assertThat(driver.findElement(By.linkText("<img src=x onerror=\"window.__xss = 3\">")).isDisplayed()).isTrue();
        driver.get(url("/datasets/" + id));
        waitForHeatmap();
        assertThat(driver.findElement(By.id("dataset-name")).getText()).isEqualTo("<img src=x onerror=\"window.__xss = 3\">");

        assertThat(driver.executeScript("return typeof window.__xss;")).isEqualTo("undefined");
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void demoOpensWithOneClickAndImportsLabelsFromAFile() throws Exception {
        driver.get(url("/"));
        driver.findElement(By.id("demo-button")).click();
        waitUpTo(120).until(d -> d.getCurrentUrl().matches(".*/datasets/\\d+$"));
        waitForHeatmap();
        String current = driver.getCurrentUrl();
        long id = Long.parseLong(current.substring(current.lastIndexOf('/') + 1));
        assertThat(driver.findElement(By.id("dataset-name")).getText()).startsWith(DemoDataset.NAME);

        Path csv = Files.createTempFile("labels", ".csv");
        Files.writeString(csv, "sentence1,sentence2,label\n\"" + DemoDataset.SENTENCES.get(0) + "\",\""
                + DemoDataset.SENTENCES.get(6) + "\",1\n\"" + DemoDataset.SENTENCES.get(0) + "\",\""
                + DemoDataset.SENTENCES.get(8) + "\",0\n");
        driver.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        waitUpTo(30).until(d -> d.findElement(By.id("label-count")).getText().equals("2"));
        assertThat(labelsViaApi(id)).containsEntry("0,6", 1).containsEntry("0,8", -1);
        assertThat(driver.findElement(By.id("status-banner")).getText()).contains("Imported 2 labels");

        driver.findElement(By.id("order-cluster")).click();
        waitUpTo(60).until(d -> d.findElement(By.id("order-cluster")).getAttribute("class").contains("active"));
        waitUpTo(30).until(d -> driver.findElement(By.id("m-pairs")).getText().startsWith("2"));
        BrowserSession.screenshot(driver, "dataset-demo");
        driver.get(url("/"));
        BrowserSession.screenshot(driver, "home");

        // the home list tells datasets apart by id, creation time and label count
        WebElement row = driver.findElement(By.xpath("//tr[td[@class='num dataset-id' and text()='d" + id + "']]"));
        assertThat(row.findElement(By.className("dataset-labels")).getText()).isEqualTo("2");
        assertThat(row.findElement(By.cssSelector(".dataset-created time")).getText())
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");

        // the demo button opens the same demo again, labels and all
        driver.findElement(By.id("demo-button")).click();
        waitUpTo(60).until(d -> d.getCurrentUrl().endsWith("/datasets/" + id));
        waitForHeatmap();
        waitUpTo(30).until(d -> d.findElement(By.id("label-count")).getText().equals("2"));

        // a fresh copy is a new, unlabelled dataset
        driver.get(url("/"));
        driver.findElement(By.id("demo-fresh-button")).click();
        waitUpTo(120).until(d -> d.getCurrentUrl().matches(".*/datasets/\\d+$") && !d.getCurrentUrl().endsWith("/" + id));
        String copy = driver.getCurrentUrl();
        assertThat(labelsViaApi(Long.parseLong(copy.substring(copy.lastIndexOf('/') + 1)))).isEmpty();
        driver.get(url("/"));
        assertThat(driver.findElements(By.linkText(DemoDataset.NAME + " (all-minilm-l6-v2)"))).hasSize(2);
    }

    @Test
    void theApiRefusesWritesFromAnotherSiteButNotFromScripts() throws Exception {
        long id = createByPasting("Cross-site check", List.of("One sentence.", "Another sentence."));
        String body = "[{\"i\":0,\"j\":1,\"label\":1}]";
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/datasets/" + id + "/labels")))
                .header("Content-Type", "application/json").header("Origin", "https://evil.example")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forged.body()).get("detail").asText()).contains("https://evil.example");
        assertThat(labelsViaApi(id)).isEmpty();

        HttpResponse<String> script = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/datasets/" + id + "/labels")))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(labelsViaApi(id)).containsEntry("0,1", 1);

        // a form post without the page's token is refused
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(url("/datasets/demo")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(403);
    }

    @Test
    void aDatasetCanBeCreatedFromAnUploadedFileAndBadInputIsExplained() throws Exception {
        Path txt = Files.createTempFile("sentences", ".txt");
        Files.writeString(txt, "The river flooded the valley.\nThe valley was flooded by the river.\nI like green tea.\n");
        driver.get(url("/"));
        driver.findElement(By.id("name")).sendKeys("Uploaded");
        driver.findElement(By.id("file")).sendKeys(txt.toAbsolutePath().toString());
        driver.findElement(By.id("create-button")).click();
        waitUpTo(120).until(d -> d.getCurrentUrl().matches(".*/datasets/\\d+$"));
        waitForHeatmap();
        assertThat(driver.findElement(By.id("sentence-count")).getText()).startsWith("3");

        // an empty paste comes back as a readable message on the form, not an error page
        driver.get(url("/"));
        driver.findElement(By.id("name")).sendKeys("Empty");
        driver.findElement(By.id("create-button")).click();
        // the page sends the form in the background and shows the server's answer where the form post would
        waitUpTo(30).until(d -> d.findElement(By.id("form-error")).isDisplayed());
        assertThat(driver.findElement(By.id("form-error")).getText()).isEqualTo("Paste at least one sentence or choose a file.");
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("Empty");
    }

    @Test
    void theContentSecurityPolicyStopsInjectedInlineScript() {
        driver.get(url("/"));
        driver.executeScript("const s = document.createElement('script'); s.textContent = 'window.__inline = 1';"
                + " document.body.appendChild(s);");
        assertThat(driver.executeScript("return typeof window.__inline;")).isEqualTo("undefined");
        assertThat(BrowserSession.securityPolicyViolations(driver)).anySatisfy(m -> assertThat(m).contains("script-src"));
    }

    @Test
    void anExpiredFormKeepsWhatWasTypedAndSendsItAgain() {
        driver.get(url("/"));
        driver.findElement(By.id("name")).sendKeys("Typed before expiry");
        String sentences = "The tide came in quickly.\nThe sea rose fast over the sand.\nI parked the car.";
        driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id("sentences")), sentences);
        driver.manage().deleteAllCookies(); // the session ends, as on a server restart
        // the plain form post, as without JavaScript: the page's script would send the form to the job API,
        // which needs no form token, so nothing would expire (form.submit() fires no submit event)
        driver.executeScript("document.getElementById('create-form').submit();");

        waitUpTo(30).until(d -> !d.findElements(By.id("expired-form")).isEmpty());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This form has expired");
        assertThat(driver.findElement(By.cssSelector("#expired-form textarea[name=sentences]")).getAttribute("value"))
                .isEqualTo(sentences);
        assertThat(driver.findElement(By.cssSelector("#expired-form input[name=name]")).getAttribute("value"))
                .isEqualTo("Typed before expiry");

        driver.findElement(By.id("resend-button")).click();
        waitUpTo(120).until(d -> d.getCurrentUrl().matches(".*/datasets/\\d+$"));
        waitForHeatmap();
        assertThat(driver.findElement(By.id("dataset-name")).getText()).isEqualTo("Typed before expiry");
        assertThat(driver.findElement(By.id("sentence-count")).getText()).startsWith("3");
    }

    @Test
    void missingDatasetIsAReadable404() {
        driver.get(url("/datasets/987654"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(driver.findElement(By.id("error-detail")).getText()).contains("987654");
        assertThat(driver.getPageSource()).doesNotContain("Exception");
    }

    @Test
    void twoThousandSentencesDrawAggregatedAndZoomToSinglePairs() throws Exception {
        List<String> sentences = GeneratedText.sentences(2000);
        String body = JSON.writeValueAsString(Map.of("name", "Two thousand sentences", "sentences", sentences));
        long started = System.nanoTime();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/datasets")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        System.out.printf("explorer.bench.create.n2000.ms=%d%n", (System.nanoTime() - started) / 1_000_000);

        // the first visit also builds the server's cosine matrix; the reloads after it find it cached
        driver.get(url("/datasets/" + id));
        waitForHeatmap();
        Number coldAt = (Number) driver.executeScript("return window.heatmapReadyAt;");
        System.out.printf("explorer.bench.interactive.n2000.first.ms=%.0f%n", coldAt.doubleValue());
        for (int run = 1; run <= 3; run++) {
            driver.navigate().refresh();
            waitForHeatmap();
            Number readyAt = (Number) driver.executeScript("return window.heatmapReadyAt;");
            System.out.printf("explorer.bench.interactive.n2000.run%d.ms=%.0f%n", run, readyAt.doubleValue());
        }
        assertThat(distinctHeatmapColours()).isGreaterThan(10);

        // zoom in with the wheel until single cells are big enough to click, then label one pair
        WebElement overlay = driver.findElement(By.id("overlay"));
        Object redraw = driver.executeScript(
                "const o = document.getElementById('overlay'); const t0 = performance.now();"
                        + "for (let k = 0; k < 24; k++) o.dispatchEvent(new WheelEvent('wheel', {deltaY: -100, clientX: o.getBoundingClientRect().left + 200, clientY: o.getBoundingClientRect().top + 100, bubbles: true, cancelable: true}));"
                        + "return (performance.now() - t0) / 24;");
        System.out.printf("explorer.bench.zoom.redraw.n2000.ms=%.2f%n", ((Number) redraw).doubleValue());
        assertThat(driver.findElement(By.id("zoom-info")).getText()).startsWith("rows");
        driver.findElement(By.id("tool-dissimilar")).click();
        new Actions(driver).moveToElement(overlay, 5, 5).click().perform();
        waitUpTo(30).until(d -> {
            try {
                return labelsViaApi(id).size() == 1;
            } catch (Exception e) {
                return false;
            }
        });
        driver.findElement(By.id("reset-zoom")).click();
        driver.findElement(By.id("order-cluster")).click();
        waitUpTo(60).until(d -> d.findElement(By.id("order-cluster")).getAttribute("class").contains("active"));
        BrowserSession.screenshot(driver, "dataset-2000");
    }
}

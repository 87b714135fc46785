package org.simexplorer.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11's page side in a real headless Chromium against the running app (real models, fresh H2): the Compare
 * panel with two catalogue models, the difference heatmap, the map and its selection linked with the heatmap,
 * and a disagreement labelled from the list. Expected values come from the app's own API, never from the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComparisonBrowserIT extends BrowserTest {

    /** Three topics of eight sentences: the map and the clusters have something to separate. */
    static final List<String> SENTENCES = List.of(
            "A cat is sleeping on the sofa.", "A kitten naps on the couch.", "The dog chased a ball in the park.",
            "A puppy is playing with a stick.", "Two horses graze in the field.", "A parrot repeats every word.",
            "The cat caught a mouse in the barn.", "A dog barks at the postman.",
            "The stock market fell sharply today.", "Share prices dropped at the close of trading.",
            "The central bank raised interest rates.", "Investors sold their bonds in a panic.",
            "The company reported record profits.", "Inflation rose faster than expected.",
            "The bank cut its lending rate.", "Oil prices climbed after the announcement.",
            "The train to Berlin is delayed by an hour.", "Our flight was cancelled because of the storm.",
            "The ferry leaves the harbour at noon.", "We missed the last bus home.",
            "The airport was closed for two days.", "She booked a night train to Vienna.",
            "The taxi got stuck in traffic.", "Their cruise ship docked in Lisbon.");

    @Test
    void theMapIsDrawnAndItsSelectionFollowsTheHeatmapBothWays() throws Exception {
        ExplorerPage page = page();
        long id = page.createByPasting("Map", SENTENCES);
        putLabels(id, "[{\"i\":0,\"j\":1,\"label\":1},{\"i\":0,\"j\":8,\"label\":-1}]");
        driver.navigate().refresh();
        page.waitForHeatmap();
        WebElement box = driver.findElement(By.id("map-box"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
        page.waitUpTo(60).until(d -> "24".equals(box.getDomAttribute("data-points")));

        // the points drawn are the server's PCA, in sentence order, coloured by the server's 5 clusters
        JsonNode pca = getJson("/api/datasets/" + id + "/projection?method=pca").get("points");
        List<List<Double>> drawn = drawnPoints();
        for (int k = 0; k < SENTENCES.size(); k++) {
            assertThat(drawn.get(k).get(0)).isCloseTo(pca.get(k).get(0).asDouble(), within(1e-9));
            assertThat(drawn.get(k).get(1)).isCloseTo(pca.get(k).get(1).asDouble(), within(1e-9));
        }
        assertThat(box.getDomAttribute("data-method")).isEqualTo("pca");
        assertThat(box.getDomAttribute("data-segments")).as("one + and one − pair drawn as segments").isEqualTo("1,1");
        page.waitUpTo(10).until(d -> paintedPixels("map-chart") > 500);
        assertThat(colourGroups()).isEqualTo(groups(getJson("/api/datasets/" + id + "/clusters?k=5").get("cluster")));

        // k is adjustable: three groups, as the server cuts them
        WebElement k = driver.findElement(By.id("map-k"));
        k.clear();
        k.sendKeys("3");
        page.waitUpTo(30).until(d -> "3".equals(box.getDomAttribute("data-k")));
        assertThat(colourGroups()).isEqualTo(groups(getJson("/api/datasets/" + id + "/clusters?k=3").get("cluster")));

        // hovering a point shows its sentence
        hoverPoint(2);
        page.waitUpTo(10).until(d -> String.valueOf(driver.executeScript(
                "return Chart.getChart(document.getElementById('map-chart')).tooltip.body?.[0]?.lines?.join(' ') ?? '';"))
                .contains("#2 " + SENTENCES.get(2)));

        // clicking a point selects its row on the heatmap
        clickPoint(5);
        page.waitUpTo(10).until(d -> "#5".equals(d.findElement(By.id("sel-i")).getText()));
        assertThat(driver.findElement(By.id("sel-a")).getText()).isEqualTo(SENTENCES.get(5));
        assertThat(box.getDomAttribute("data-selected")).isEqualTo("5");

        // selecting a cell on the heatmap rings both of its sentences on the map
        driver.findElement(By.id("reset-zoom")).click();
        page.clickCell(3, 10, SENTENCES.size());
        page.waitUpTo(10).until(d -> "3,10".equals(box.getDomAttribute("data-selected")));
        assertThat(pointRadius(3)).isEqualTo(7);
        assertThat(pointRadius(10)).isEqualTo(7);
        assertThat(pointRadius(5)).isEqualTo(3);
        BrowserSession.screenshot(driver, driver.findElement(By.id("map-panel")), "map-pca");

        // UMAP runs in the browser with a progress bar, and draws every sentence
        driver.findElement(By.id("map-umap")).click();
        page.waitUpTo(180).until(d -> "umap".equals(box.getDomAttribute("data-method")));
        assertThat(driver.findElement(By.id("map-progress")).getDomProperty("max")).as("epochs reported").isEqualTo("500");
        assertThat(driver.findElement(By.id("map-status")).getText()).startsWith("UMAP of 24 sentences");
        List<List<Double>> umap = drawnPoints();
        assertThat(umap).hasSize(24).allSatisfy(p -> assertThat(p).allSatisfy(v -> assertThat(v).isFinite()));
        assertThat(umap).isNotEqualTo(drawn);
        BrowserSession.screenshot(driver, driver.findElement(By.id("map-panel")), "map-umap");
    }

    static final String MINILM = "all-minilm-l6-v2";
    static final String MINILM_INT8 = "all-minilm-l6-v2-q";
    static final String LABELS = "[{\"i\":0,\"j\":1,\"label\":1},{\"i\":2,\"j\":3,\"label\":1},"
            + "{\"i\":8,\"j\":9,\"label\":1},{\"i\":16,\"j\":17,\"label\":1},{\"i\":0,\"j\":8,\"label\":-1},"
            + "{\"i\":3,\"j\":20,\"label\":-1},{\"i\":10,\"j\":18,\"label\":-1},{\"i\":5,\"j\":13,\"label\":-1}]";

    @Test
    void theComparePanelShowsTwoCatalogueModelsSideBySideAsTheApiComputesThem() throws Exception {
        ExplorerPage page = page();
        long id = datasetWithLabels(page, "Compare");
        compareInPage(MINILM, MINILM_INT8);
        JsonNode api = getJson("/api/datasets/" + id + "/comparison?models=" + MINILM + "," + MINILM_INT8);

        List<String> heads = texts("#comparison-head th");
        assertThat(heads).containsExactly("On your labels", "A: " + MINILM, "B: " + MINILM_INT8);
        for (String[] row : new String[][] {{"ROC-AUC", "rocAuc"}, {"Average precision", "averagePrecision"},
                {"Best accuracy", "accuracy"}, {"Best F1", "f1"}}) {
            List<String> cells = rowCells(row[0]);
            for (int m = 0; m < 2; m++) {
                assertThat(Double.parseDouble(cells.get(m))).as(row[0] + " of model " + m)
                        .isCloseTo(api.get("models").get(m).get("metrics").get(row[1]).asDouble(), within(5.1e-5));
            }
        }
        List<String> spearman = rowCells("Spearman with A (all pairs)");
        assertThat(spearman.get(0)).isEqualTo("1.0000");
        assertThat(Double.parseDouble(spearman.get(1)))
                .isCloseTo(api.get("models").get(1).get("spearmanWithFirst").asDouble(), within(5.1e-5));
        assertThat(rowCells("Labelled pairs")).containsExactly("8", "8");
        JsonNode losses = api.get("models").get(0).get("losses").get("losses");
        assertThat(losses.size()).isGreaterThan(0);
        for (JsonNode loss : losses) {
            assertThat(rowCells("Loss: " + loss.get("loss").asText())).hasSize(2);
        }
        assertThat(driver.findElement(By.id("comparison-pairs")).getText())
                .contains(api.get("pairsCompared").asText() + " sentence pairs");

        JsonNode disagreements = api.get("disagreements");
        List<WebElement> items = driver.findElements(By.cssSelector("#comparison-disagreements li"));
        assertThat(items).hasSize(disagreements.size()).isNotEmpty();
        JsonNode top = disagreements.get(0);
        int i = top.get("i").asInt();
        int j = top.get("j").asInt();
        assertThat(items.get(0).getDomAttribute("data-pair")).isEqualTo(Math.min(i, j) + "," + Math.max(i, j));
        assertThat(items.get(0).getText()).contains(SENTENCES.get(i)).contains(SENTENCES.get(j));
        BrowserSession.screenshot(driver, driver.findElement(By.id("comparison-panel")), "compare-panel");
        assertThat(page.seriousAccessibilityViolations()).as("dataset page with the comparison shown").isEmpty();
    }

    @Test
    void theDifferenceHeatmapDrawsBMinusAOnTheDivergingScaleInThePageOrder() throws Exception {
        ExplorerPage page = page();
        long id = datasetWithLabels(page, "Difference");
        int n = SENTENCES.size();
        // B − A from the server's own matrices of both models, in sentence order
        double[][] a = matrix(id, MINILM, "input");
        double[][] b = matrix(id, MINILM_INT8, "input");
        double maxAbs = 0;
        List<int[]> strong = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    maxAbs = Math.max(maxAbs, Math.abs(b[i][j] - a[i][j]));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(b[i][j] - a[i][j]) >= 0.6 * maxAbs) {
                    strong.add(new int[] {i, j});
                }
            }
        }
        assertThat(maxAbs).isGreaterThan(0.001);
        assertThat(strong).isNotEmpty();

        compareInPage(MINILM, MINILM_INT8);
        driver.findElement(By.id("comparison-view-difference")).click();
        WebElement heatmap = driver.findElement(By.id("heatmap"));
        page.waitUpTo(60).until(d -> heatmap.getDomAttribute("data-difference") != null);
        assertThat(heatmap.getDomAttribute("data-difference")).isEqualTo(MINILM_INT8 + " - " + MINILM);
        assertThat(Double.parseDouble(heatmap.getDomAttribute("data-max-abs"))).isCloseTo(maxAbs, within(1.5e-4));
        assertThat(driver.findElement(By.id("legend-text")).getText()).startsWith("Colour: B \u2212 A");
        // input order: row r is sentence r. Red where B finds a pair more similar, blue where less, white on the diagonal
        int[] position = indexPositions(n, null);
        assertColours(strong, a, b, position, n);
        assertThat(whiteness(pixel(position[0], position[0], n))).isGreaterThan(225);
        BrowserSession.screenshot(driver, driver.findElement(By.id("heatmap-stack")), "difference-heatmap");
        // the keyboard cursor names the value it reads out: a difference, not a cosine
        driver.findElement(By.id("overlay")).click();
        new Actions(driver).sendKeys(Keys.ARROW_RIGHT).perform();
        page.waitUpTo(10).until(d -> d.findElement(By.id("cursor-info")).getText().contains("B \u2212 A cosine"));

        // the page's order is kept: in the cluster order each pair moves to its new row and column
        driver.findElement(By.id("order-cluster")).click();
        JsonNode clusterOrder = getJson("/api/datasets/" + id + "/similarity?order=cluster&format=json").get("order");
        int[] clustered = indexPositions(n, clusterOrder);
        page.waitUpTo(30).until(d -> "true".equals(d.findElement(By.id("order-cluster")).getDomAttribute("aria-pressed")));
        page.waitUpTo(30).until(d -> heatmap.getDomAttribute("data-difference") != null);
        assertColours(strong, a, b, clustered, n);

        // back to the dataset's own model: cosine 1 on the diagonal is yellow again
        driver.findElement(By.id("comparison-view-base")).click();
        page.waitUpTo(10).until(d -> heatmap.getDomAttribute("data-difference") == null);
        int[] diagonal = pixel(clustered[0], clustered[0], n);
        assertThat(diagonal[0]).isGreaterThan(200);
        assertThat(diagonal[2]).isLessThan(100);
    }

    @Test
    void aDisagreementIsLabelledFromTheListWithOneClickAndKept() throws Exception {
        ExplorerPage page = page();
        long id = datasetWithLabels(page, "Label a disagreement");
        compareInPage(MINILM, MINILM_INT8);
        // the first listed pair that is not labelled yet
        WebElement item = driver.findElements(By.cssSelector("#comparison-disagreements li[data-label='0']")).get(0);
        String pair = item.getDomAttribute("data-pair");
        assertThat(page.labelsViaApi(id)).doesNotContainKey(pair);

        item.findElement(By.cssSelector(".disagreement-dissimilar")).click();
        page.waitForServer(id, labels -> Integer.valueOf(-1).equals(labels.get(pair)));
        WebElement labelled = driver.findElement(By.cssSelector("#comparison-disagreements li[data-pair='" + pair + "']"));
        page.waitUpTo(10).until(d -> "-1".equals(labelled.getDomAttribute("data-label")));
        assertThat(labelled.findElement(By.cssSelector(".disagreement-dissimilar")).getDomAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(page.labelsOnPage()).containsEntry(pair, -1).hasSize(9);
        assertThat(driver.findElement(By.id("label-count")).getText()).isEqualTo("9");
        assertThat(driver.findElement(By.id("comparison-stale")).isDisplayed()).isTrue();

        // one more click on the other label replaces it
        labelled.findElement(By.cssSelector(".disagreement-similar")).click();
        page.waitForServer(id, labels -> Integer.valueOf(1).equals(labels.get(pair)));
        page.waitUpTo(10).until(d -> page.pendingSaves() == 0);

        driver.navigate().refresh();
        page.waitForHeatmap();
        assertThat(page.labelsOnPage()).containsEntry(pair, 1).isEqualTo(page.labelsViaApi(id));
    }

    // ---------- helpers ----------

    private long datasetWithLabels(ExplorerPage page, String name) throws IOException, InterruptedException {
        long id = page.createByPasting(name, SENTENCES);
        putLabels(id, LABELS);
        driver.navigate().refresh();
        page.waitForHeatmap();
        return id;
    }

    /** Picks A and B in the Compare panel, runs the comparison and waits for its table. */
    private void compareInPage(String a, String b) {
        WebElement run = driver.findElement(By.id("comparison-run"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", run);
        page().waitUpTo(30).until(d -> run.isEnabled());
        new Select(driver.findElement(By.id("comparison-model-0"))).selectByValue(a);
        new Select(driver.findElement(By.id("comparison-model-1"))).selectByValue(b);
        run.click();
        page().waitUpTo(240).until(d -> d.findElement(By.id("comparison-result")).isDisplayed());
    }

    /** The dataset's cosine matrix under a model, in sentence order, as the server computes it. */
    private double[][] matrix(long id, String model, String order) throws IOException, InterruptedException {
        JsonNode body = getJson("/api/datasets/" + id + "/similarity?format=json&order=" + order + "&model=" + model);
        JsonNode rows = body.get("matrix");
        JsonNode shown = body.get("order");
        int n = rows.size();
        double[][] out = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                out[shown.get(r).asInt()][shown.get(c).asInt()] = rows.get(r).get(c).asDouble();
            }
        }
        return out;
    }

    /** position[i] = the display row of sentence i under an order (null: input order). */
    private static int[] indexPositions(int n, JsonNode order) {
        int[] position = new int[n];
        for (int r = 0; r < n; r++) {
            position[order == null ? r : order.get(r).asInt()] = r;
        }
        return position;
    }

    /** The RGB of the heatmap canvas at the centre of display cell (row, col) of an n×n matrix in full view. */
    @SuppressWarnings("unchecked")
    private int[] pixel(int row, int col, int n) {
        List<Number> rgb = (List<Number>) driver.executeScript("const c = document.getElementById('heatmap');"
                + "const cell = c.width / arguments[2];"
                + "const d = c.getContext('2d').getImageData(Math.floor((arguments[1] + 0.5) * cell),"
                + " Math.floor((arguments[0] + 0.5) * cell), 1, 1).data; return [d[0], d[1], d[2]];", row, col, n);
        return new int[] {rgb.get(0).intValue(), rgb.get(1).intValue(), rgb.get(2).intValue()};
    }

    private static int whiteness(int[] rgb) {
        return Math.min(rgb[0], Math.min(rgb[1], rgb[2]));
    }

    /** Each strong pair is red (B − A &gt; 0) or blue (&lt; 0) on the diverging scale, both cells of it. */
    private void assertColours(List<int[]> pairs, double[][] a, double[][] b, int[] position, int n) {
        for (int[] p : pairs) {
            double delta = b[p[0]][p[1]] - a[p[0]][p[1]];
            for (int[] cell : new int[][] {{position[p[0]], position[p[1]]}, {position[p[1]], position[p[0]]}}) {
                int[] rgb = pixel(cell[0], cell[1], n);
                String what = "pair " + p[0] + "," + p[1] + " (B - A = " + delta + ") at " + cell[0] + "," + cell[1];
                if (delta > 0) {
                    assertThat(rgb[0] - rgb[2]).as(what + " is red").isGreaterThan(60);
                } else {
                    assertThat(rgb[2] - rgb[0]).as(what + " is blue").isGreaterThan(60);
                }
            }
        }
    }

    private List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** The model cells of the comparison table's row with this name. */
    private List<String> rowCells(String name) {
        for (WebElement row : driver.findElements(By.cssSelector("#comparison-rows tr"))) {
            if (row.findElement(By.tagName("th")).getText().equals(name)) {
                return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            }
        }
        throw new AssertionError("No row " + name + " in " + texts("#comparison-rows th"));
    }

    private void putLabels(long id, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = ExplorerPage.HTTP.send(HttpRequest.newBuilder(URI.create(page().url(
                        "/api/datasets/" + id + "/labels")))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = ExplorerPage.HTTP.send(HttpRequest.newBuilder(URI.create(page().url(path)))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ExplorerPage.JSON.readTree(response.body());
    }

    private static final String MAP = "Chart.getChart(document.getElementById('map-chart'))";

    @SuppressWarnings("unchecked")
    private List<List<Double>> drawnPoints() {
        List<List<Number>> raw = (List<List<Number>>) driver.executeScript(
                "return " + MAP + ".data.datasets[0].data.map(p => [p.x, p.y]);");
        return raw.stream().map(p -> p.stream().map(Number::doubleValue).toList()).toList();
    }

    /** The sentences grouped by the colour they are drawn in, as sets of indices. */
    @SuppressWarnings("unchecked")
    private Set<Set<Integer>> colourGroups() {
        List<String> colours = (List<String>) driver.executeScript(
                "return " + MAP + ".data.datasets[0].pointBackgroundColor;");
        Map<String, Set<Integer>> byColour = new java.util.HashMap<>();
        for (int k = 0; k < colours.size(); k++) {
            byColour.computeIfAbsent(colours.get(k), c -> new HashSet<>()).add(k);
        }
        return new HashSet<>(byColour.values());
    }

    private static Set<Set<Integer>> groups(JsonNode cluster) {
        Map<Integer, Set<Integer>> byCluster = new java.util.HashMap<>();
        for (int k = 0; k < cluster.size(); k++) {
            byCluster.computeIfAbsent(cluster.get(k).asInt(), c -> new HashSet<>()).add(k);
        }
        return new HashSet<>(byCluster.values());
    }

    private int pointRadius(int index) {
        return ((Number) driver.executeScript("return " + MAP + ".getDatasetMeta(0).data[arguments[0]].options.radius;",
                index)).intValue();
    }

    /** Offset of a point from the canvas's centre, in CSS pixels, as Chart.js placed it. */
    @SuppressWarnings("unchecked")
    private int[] pointOffset(int index) {
        List<Number> at = (List<Number>) driver.executeScript(
                "const c = " + MAP + "; const p = c.getDatasetMeta(0).data[arguments[0]];"
                        + "return [p.x - c.width / 2, p.y - c.height / 2];", index);
        return new int[] {(int) Math.round(at.get(0).doubleValue()), (int) Math.round(at.get(1).doubleValue())};
    }

    private void hoverPoint(int index) {
        WebElement canvas = driver.findElement(By.id("map-chart"));
        int[] at = pointOffset(index);
        new Actions(driver).moveToElement(canvas, at[0], at[1]).perform();
    }

    private void clickPoint(int index) {
        WebElement canvas = driver.findElement(By.id("map-chart"));
        int[] at = pointOffset(index);
        new Actions(driver).moveToElement(canvas, at[0], at[1]).click().perform();
    }

    /** How many pixels of a canvas are painted (not fully transparent). */
    private long paintedPixels(String canvasId) {
        return ((Number) driver.executeScript("const c = document.getElementById(arguments[0]);"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let k = 3; k < d.length; k += 4) if (d[k] > 0) n++; return n;", canvasId)).longValue();
    }
}

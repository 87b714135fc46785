package org.simexplorer.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A 20,000-sentence dataset in a real headless Chromium (real model): the heatmap is drawn from tiles, the wheel
 * zooms down to single pairs (the finest level, one pair a pixel), the tooltip shows a pair's cosine there, a click
 * and a key label the pair, the neighbour panel lists the selected sentence's neighbours from the server and labels
 * one, and the labels are on the page after a reload. The dataset is created once, from short generated sentences
 * embedded with the quantised MiniLM, so that the 20,000 embeddings stay affordable in CI.
 * {@code -Dtiles.browser.sentences} and {@code -Dtiles.browser.model} change the size and the model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "simexplorer.datasets.max-sentences=25000",
        "simexplorer.datasets.max-upload-size=20MB",
        "spring.servlet.multipart.max-request-size=20MB"})
class TiledHeatmapBrowserIT extends BrowserTest {

    private static final int N = Integer.getInteger("tiles.browser.sentences", 20_000);
    private static final String MODEL = System.getProperty("tiles.browser.model", "all-minilm-l6-v2-q");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What asked for each request of this path and query the page made: "link" for a preload, "fetch" for a script. */
    @SuppressWarnings("unchecked")
    private List<String> requestsFor(String pathAndQuery) {
        return (List<String>) driver.executeScript("return performance.getEntriesByType('resource')"
                + ".filter((e) => { const u = new URL(e.name); return u.pathname + u.search === arguments[0]; })"
                + ".map((e) => e.initiatorType);", pathAndQuery);
    }

    @Test
    void zoomToSinglePairsLabelOneAndSeeItAfterAReload() throws Exception {
        ExplorerPage page = page();
        long started = System.nanoTime();
        long id = upload(page, GeneratedText.sentences(N));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("tiles.browser.sentences=%d%ntiles.browser.model=%s%ntiles.browser.create.s=%.1f%n"
                + "tiles.browser.create.sentences_per_s=%.1f%n", N, MODEL, seconds, N / seconds);

        long opened = System.nanoTime();
        driver.get(page.url("/datasets/" + id));
        waitForHeatmap(page);
        System.out.printf("tiles.browser.page_ready.s=%.1f%n", (System.nanoTime() - opened) / 1e9);
        assertThat(heatmap().get("tiled").asBoolean()).isTrue();
        page.waitUpTo(300).until(d -> heatmap().get("pendingTiles").asInt() == 0);
        // the sentences, the labels and the overview tile were asked once each, by the page's preloads
        String api = "/api/datasets/" + id;
        assertThat(requestsFor(api)).containsExactly("link");
        assertThat(requestsFor(api + "/labels")).containsExactly("link");
        assertThat(requestsFor(api + "/tiles/0/0/0?order=input&stat=mean")).containsExactly("link");
        int finest = heatmap().get("finest").asInt();

        // the wheel zooms in by 0.8 a notch around the pointer, here a point off the diagonal
        driver.executeScript("const o = document.getElementById('overlay'); const b = o.getBoundingClientRect();"
                + "for (let k = 0; k < 40; k++) o.dispatchEvent(new WheelEvent('wheel', {deltaY: -100,"
                + " clientX: b.left + b.width * 0.7, clientY: b.top + b.height * 0.3, bubbles: true, cancelable: true}));");
        JsonNode zoomed = heatmap();
        assertThat(zoomed.get("level").asInt()).isEqualTo(finest);
        assertThat(zoomed.get("viewport").get("size").asInt()).isLessThanOrEqualTo(640);
        page.waitUpTo(300).until(d -> heatmap().get("pendingTiles").asInt() == 0);

        // the middle of the canvas shows one pair: the tooltip gives its cosine, not a block mean
        var overlay = driver.findElement(By.id("overlay"));
        new Actions(driver).moveToElement(overlay, 3, 3).perform();
        String tip = driver.findElement(By.id("tooltip-similarity")).getText();
        assertThat(tip).startsWith("cosine").doesNotContain("block");
        String first = driver.findElement(By.id("tooltip-i")).getText().substring(1);
        String second = driver.findElement(By.id("tooltip-j")).getText().substring(1);
        int i = Integer.parseInt(first);
        int j = Integer.parseInt(second);
        assertThat(i).isNotEqualTo(j);

        new Actions(driver).moveToElement(overlay, 3, 3).click().sendKeys("s").perform();
        String key = Math.min(i, j) + "," + Math.max(i, j);
        page.waitForServer(id, labels -> Integer.valueOf(1).equals(labels.get(key)));

        // the neighbour panel lists the selected sentence's nearest neighbours from the server, ready to label
        page.waitUpTo(30).until(d -> !d.findElements(By.cssSelector("#neighbours li")).isEmpty());
        assertThat(driver.findElement(By.id("neighbours-of")).getText()).startsWith("#" + i + " ");
        assertThat(driver.findElement(By.id("neighbours-panel")).getAttribute("data-neighbours-of")).isEqualTo(first);
        var rows = driver.findElements(By.cssSelector("#neighbours li"));
        assertThat(rows).hasSize(10);
        String pair = rows.get(0).getAttribute("data-pair");
        assertThat(pair).startsWith(i + ",");
        int neighbour = Integer.parseInt(pair.substring(pair.indexOf(',') + 1));
        assertThat(neighbour).isNotEqualTo(i);
        rows.get(0).findElement(By.cssSelector("button.label-neg")).click();
        String neighbourKey = Math.min(i, neighbour) + "," + Math.max(i, neighbour);
        page.waitForServer(id, labels -> Integer.valueOf(-1).equals(labels.get(neighbourKey)));
        page.waitUpTo(10).until(d -> "true".equals(d.findElement(By.cssSelector("#neighbours li button.label-neg"))
                .getAttribute("aria-pressed")));

        driver.navigate().refresh();
        waitForHeatmap(page);
        assertThat(heatmap().get("tiled").asBoolean()).isTrue();
        assertThat(page.labelsOnPage()).containsEntry(key, 1).containsEntry(neighbourKey, -1);
        assertThat(page.labelsViaApi(id)).isEqualTo(Map.of(key, 1, neighbourKey, -1));
    }

    /**
     * As the page object's wait, and on a timeout says what the page shows instead. The first open computes the
     * 20,000 sentences' cluster order and tiles, which took minutes on a build machine with 20 times more runnable
     * work than cores, so the wait is long; it ends as soon as the page is ready.
     */
    private static void waitForHeatmap(ExplorerPage page) {
        try {
            page.waitForHeatmap(900);
        } catch (org.openqa.selenium.TimeoutException e) {
            Object shown = driver.executeScript("return document.getElementById('heatmap-loading').textContent + ' | '"
                    + " + document.getElementById('error-text').textContent;");
            throw new AssertionError("The heatmap did not get ready; the page shows: " + shown, e);
        }
    }

    private JsonNode heatmap() {
        return JSON.readTree(String.valueOf(driver.executeScript(
                "return JSON.stringify(window.simexplorer.heatmap());")));
    }

    /** Creates the dataset from a text file through the API (the paste form would take minutes to fill). */
    private static long upload(ExplorerPage page, List<String> sentences) throws Exception {
        String boundary = "----tiles" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\n" + MODEL
                + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"corpus.txt\""
                + "\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(String.join("\n", sentences).getBytes(StandardCharsets.UTF_8));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(page.url("/api/datasets")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }
}

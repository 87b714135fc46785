package org.simexplorer.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The map on a dataset drawn from tiles, in a real headless Chromium (real model): with the tile threshold and the
 * UMAP sample set low, 80 sentences take the large-dataset route: UMAP runs on the server's seeded sample of 40
 * and the other 40 are placed at the cosine-weighted mean of their nearest sampled ones, as the server lists them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "simexplorer.tiles.tiled-above=30", "simexplorer.map.umap-sample=40"})
class TiledMapBrowserIT extends BrowserTest {

    private static final int N = 80;
    private static final String MAP = "Chart.getChart(document.getElementById('map-chart'))";

    @Test
    void umapRunsOnTheSampleAndPlacesTheOtherSentencesByTheirSampledNeighbours() throws Exception {
        ExplorerPage page = page();
        HttpResponse<String> created = ExplorerPage.HTTP.send(HttpRequest.newBuilder(URI.create(page.url("/api/datasets")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        ExplorerPage.JSON.writeValueAsString(java.util.Map.of("name", "Tiled map",
                                "sentences", GeneratedText.sentences(N))))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = ExplorerPage.JSON.readTree(created.body()).get("id").asLong();
        driver.get(page.url("/datasets/" + id));
        page.waitForHeatmap();
        assertThat(driver.executeScript("return window.simexplorer.heatmap().tiled;")).isEqualTo(true);
        WebElement box = driver.findElement(By.id("map-box"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
        page.waitUpTo(60).until(d -> String.valueOf(N).equals(box.getDomAttribute("data-points")));

        driver.findElement(By.id("map-umap")).click();
        page.waitUpTo(180).until(d -> "umap".equals(box.getDomAttribute("data-method")));
        assertThat(driver.findElement(By.id("map-status")).getText())
                .startsWith("UMAP of a seeded sample of 40 of the 80 sentences");
        List<double[]> drawn = drawnPoints();
        assertThat(drawn).hasSize(N).allSatisfy(p -> assertThat(Double.isFinite(p[0]) && Double.isFinite(p[1])).isTrue());

        // the same body the page fetched: every sentence not sampled sits where its sampled neighbours put it
        HttpResponse<byte[]> response = ExplorerPage.HTTP.send(HttpRequest.newBuilder(URI.create(page.url(
                "/api/datasets/" + id + "/map-sample?sample=40&k=14&place=5"))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        ByteBuffer body = ByteBuffer.wrap(response.body()).order(ByteOrder.LITTLE_ENDIAN);
        int n = body.getInt();
        int m = body.getInt();
        int k = body.getInt();
        int place = body.getInt();
        assertThat(new int[] {n, m, k, place}).containsExactly(N, 40, 14, 5);
        int[] sample = new int[m];
        for (int s = 0; s < m; s++) sample[s] = body.getInt();
        body.position(body.position() + 8 * m * k);
        int[] rest = java.util.stream.IntStream.range(0, n)
                .filter(i -> java.util.Arrays.binarySearch(sample, i) < 0).toArray();
        int[] placed = new int[rest.length * place];
        for (int t = 0; t < placed.length; t++) placed[t] = body.getInt();
        float[] cosines = new float[placed.length];
        for (int t = 0; t < cosines.length; t++) cosines[t] = body.getFloat();
        for (int r = 0; r < rest.length; r++) {
            double x = 0;
            double y = 0;
            double total = 0;
            for (int t = 0; t < place; t++) {
                double w = Math.max(0, cosines[r * place + t]);
                double[] p = drawn.get(sample[placed[r * place + t]]);
                x += w * p[0];
                y += w * p[1];
                total += w;
            }
            assertThat(drawn.get(rest[r])[0]).as("x of %s", rest[r]).isCloseTo(x / total, within(1e-6));
            assertThat(drawn.get(rest[r])[1]).as("y of %s", rest[r]).isCloseTo(y / total, within(1e-6));
        }
        page.waitUpTo(10).until(d -> ((Number) driver.executeScript("const c = document.getElementById('map-chart');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let k = 3; k < d.length; k += 4) if (d[k] > 0) n++; return n;")).longValue() > 500);
        BrowserSession.screenshot(driver, driver.findElement(By.id("map-panel")), "map-umap-tiled");
    }

    @SuppressWarnings("unchecked")
    private List<double[]> drawnPoints() {
        List<List<Number>> raw = (List<List<Number>>) driver.executeScript(
                "return " + MAP + ".data.datasets[0].data.map(p => [p.x, p.y]);");
        return raw.stream().map(p -> new double[] {p.get(0).doubleValue(), p.get(1).doubleValue()}).toList();
    }
}

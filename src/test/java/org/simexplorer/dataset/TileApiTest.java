package org.simexplorer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.simexplorer.explorer.GeneratedText;
import org.simexplorer.similarity.TilePyramid;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tiles over real HTTP with the real model: each tile equals the block means and maxes of the whole int16 matrix
 * in both orders, a second request comes from the cache, an append drops the dataset's tiles, bad input names
 * its field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.datasource.url=jdbc:h2:mem:tile-api;DB_CLOSE_DELAY=-1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TileApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int N = 600;
    private static final int T = TilePyramid.TILE;

    @LocalServerPort
    int port;
    @Autowired
    DatasetTiles tiles;
    @Autowired
    TileCache cache;

    private final HttpClient http = HttpClient.newHttpClient();
    private long id;

    @BeforeAll
    void createDataset() throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/datasets"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("name", "tiles", "sentences", GeneratedText.sentences(N)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        id = JSON.readTree(created.body()).get("id").asLong();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static short[] shorts(byte[] bytes, int offset) {
        short[] values = new short[(bytes.length - offset) / 2];
        ByteBuffer.wrap(bytes, offset, bytes.length - offset).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(values);
        return values;
    }

    @Test
    void everyTileEqualsTheWholeMatrixBlocksInBothOrders() throws Exception {
        for (String order : List.of("input", "cluster")) {
            byte[] whole = get("/api/datasets/" + id + "/similarity?format=int16&order=" + order).body();
            ByteBuffer header = ByteBuffer.wrap(whole).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(header.getInt(0)).isEqualTo(N);
            short[] matrix = shorts(whole, 4 + 4 * N);
            JsonNode pyramid = json("/api/datasets/" + id + "/tiles?order=" + order);
            assertThat(pyramid.get("n").asInt()).isEqualTo(N);
            assertThat(pyramid.get("finest").asInt()).isEqualTo(2);
            assertThat(pyramid.get("pastEnd").asInt()).isEqualTo(Short.MIN_VALUE);
            for (int k = 0; k < N; k++) {
                assertThat(pyramid.get("order").get(k).asInt()).as("order " + order).isEqualTo(header.getInt(4 + 4 * k));
            }
            TilePyramid geometry = new TilePyramid(N);
            for (int level = 0; level <= 2; level++) {
                for (int row = 0; row < geometry.tilesPerSide(level); row++) {
                    for (int col = 0; col < geometry.tilesPerSide(level); col++) {
                        for (String stat : List.of("mean", "max")) {
                            HttpResponse<byte[]> tile = get("/api/datasets/" + id + "/tiles/" + level + "/" + row + "/"
                                    + col + "?order=" + order + "&stat=" + stat);
                            assertThat(tile.statusCode()).isEqualTo(200);
                            assertThat(tile.body()).hasSize(2 * T * T);
                            assertThat(tile.headers().firstValue("Tile-Exact")).hasValue("true");
                            assertThat(tile.headers().firstValue("Tile-Span")).hasValue(String.valueOf(1 << (2 - level)));
                            assertBlocks(matrix, geometry, level, row, col, shorts(tile.body(), 0), stat.equals("max"));
                        }
                    }
                }
            }
        }
    }

    /** The mean of quantised cosines is within one quantum of the quantised mean; the max commutes with rounding. */
    private static void assertBlocks(short[] matrix, TilePyramid pyramid, int level, int row, int col, short[] tile,
            boolean max) {
        int span = pyramid.span(level);
        for (int a = 0; a < T; a++) {
            for (int b = 0; b < T; b++) {
                long r0 = pyramid.start(level, row, a);
                long c0 = pyramid.start(level, col, b);
                short value = tile[a * T + b];
                String where = "level " + level + " tile " + row + "," + col + " pixel " + a + "," + b;
                if (r0 >= N || c0 >= N) {
                    if (value != TilePyramid.PAST_END) throw new AssertionError(where + " is past the end: " + value);
                    continue;
                }
                double sum = 0;
                int best = Integer.MIN_VALUE;
                int count = 0;
                for (long r = r0; r < Math.min(N, r0 + span); r++) {
                    for (long c = c0; c < Math.min(N, c0 + span); c++) {
                        short v = matrix[(int) (r * N + c)];
                        sum += v;
                        best = Math.max(best, v);
                        count++;
                    }
                }
                double expected = max ? best : sum / count;
                if (Math.abs(value - expected) > 1) throw new AssertionError(where + ": " + value + " not " + expected);
            }
        }
    }

    @Test
    void aSecondRequestIsServedFromTheCache() throws Exception {
        String path = "/api/datasets/" + id + "/tiles/1/1/0?stat=max";
        byte[] first = get(path).body();
        assertThat(tiles.cached(id, null, false, DatasetTiles.Stat.MAX, 1, 1, 0)).isTrue();
        long entries = cache.entries();
        assertThat(get(path).body()).isEqualTo(first);
        assertThat(cache.entries()).isEqualTo(entries);
        assertThat(tiles.cached(id, null, false, DatasetTiles.Stat.MEAN, 1, 1, 1)).isFalse();
    }

    @Test
    void anAppendDropsTheDatasetsTilesAndTheNextTileCoversTheNewSentence() throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/datasets"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("name", "grows", "sentences", GeneratedText.sentences(256)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        long grows = JSON.readTree(created.body()).get("id").asLong();
        short[] before = shorts(get("/api/datasets/" + grows + "/tiles/0/0/0").body(), 0);
        assertThat(before[255 * T + 255]).isNotEqualTo(TilePyramid.PAST_END);
        assertThat(tiles.cached(grows, null, false, DatasetTiles.Stat.MEAN, 0, 0, 0)).isTrue();
        http.send(HttpRequest.newBuilder(uri("/api/datasets/" + grows + "/sentences"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("sentences", List.of("A brand new sentence about tiles.")))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tiles.cached(grows, null, false, DatasetTiles.Stat.MEAN, 0, 0, 0)).isFalse();
        // 257 sentences: two to a pixel at level 0, so the last pixel row now holds sentence 256 alone
        short[] after = shorts(get("/api/datasets/" + grows + "/tiles/0/0/0").body(), 0);
        assertThat(after[128 * T + 128]).isEqualTo((short) 10000);
        assertThat(after[129 * T]).isEqualTo(TilePyramid.PAST_END);
    }

    @Test
    void badTilesAndParametersAre400sNamingTheirField() throws Exception {
        Map<String, String> fields = Map.of(
                "/tiles/3/0/0", "level",
                "/tiles/-1/0/0", "level",
                "/tiles/1/2/0", "row",
                "/tiles/2/0/3", "col",
                "/tiles/0/0/0?stat=median", "stat",
                "/tiles/0/0/0?order=random", "order",
                "/tiles?order=random", "order");
        for (Map.Entry<String, String> bad : fields.entrySet()) {
            HttpResponse<byte[]> response = get("/api/datasets/" + id + bad.getKey());
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("field").asString()).as(bad.getKey()).isEqualTo(bad.getValue());
        }
        HttpResponse<byte[]> notANumber = get("/api/datasets/" + id + "/tiles/zero/0/0");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(new String(notANumber.body())).contains("level");
        assertThat(get("/api/datasets/999999/tiles/0/0/0").statusCode()).isEqualTo(404);
        assertThat(get("/api/datasets/" + id + "/tiles/0/0/0?model=no-such-model").statusCode()).isEqualTo(404);
    }
}

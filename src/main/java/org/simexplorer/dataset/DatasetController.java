package org.simexplorer.dataset;

import org.simexplorer.errors.InvalidInputException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.simexplorer.formats.ParsedUpload;
import org.simexplorer.formats.TextLine;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/datasets")
class DatasetController {

    static final MediaType INT16_MATRIX = MediaType.APPLICATION_OCTET_STREAM;

    private final DatasetService datasets;
    private final DatasetViews views;
    private final DatasetSimilarity similarity;
    private final SentenceInputs inputs;

    DatasetController(DatasetService datasets, DatasetViews views, DatasetSimilarity similarity,
            SentenceInputs inputs) {
        this.datasets = datasets;
        this.views = views;
        this.similarity = similarity;
        this.inputs = inputs;
    }

    record CreateRequest(String name, List<Object> sentences, String model) {
    }

    record AppendRequest(List<Object> sentences) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DatasetViews.Changed> createFromJson(@RequestBody CreateRequest request) {
        List<TextLine> sentences = inputs.fromJson(request.sentences());
        DatasetService.Change change = datasets.create(request.name(), request.model(), sentences, List.of(), 0);
        return created(change);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DatasetViews.Changed> createFromUpload(@RequestParam(required = false) String name,
            @RequestPart("file") MultipartFile file, @RequestParam(required = false) String model,
            @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "2.5") double threshold) {
        ParsedUpload upload = inputs.fromFile(file, format);
        String datasetName = name != null && !name.isBlank() ? name : file.getOriginalFilename();
        DatasetService.Change change = datasets.create(datasetName, model, upload.sentences(), upload.pairs(),
                threshold);
        return created(change);
    }

    @GetMapping
    List<DatasetViews.Summary> list() {
        return views.summaries();
    }

    @GetMapping("/{id}")
    DatasetViews.View get(@PathVariable long id) {
        return views.view(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        datasets.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/sentences", consumes = MediaType.APPLICATION_JSON_VALUE)
    DatasetViews.Changed appendFromJson(@PathVariable long id, @RequestBody AppendRequest request) {
        return views.changed(datasets.append(id, inputs.fromJson(request.sentences()), List.of(), 0));
    }

    @PostMapping(path = "/{id}/sentences", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DatasetViews.Changed appendFromUpload(@PathVariable long id, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String format, @RequestParam(defaultValue = "2.5") double threshold) {
        datasets.get(id);
        ParsedUpload upload = inputs.fromFile(file, format);
        return views.changed(datasets.append(id, upload.sentences(), upload.pairs(), threshold));
    }

    /** The matrix as JSON: {"model","order","matrix"}; ?model= shows the sentences under another model. */
    @GetMapping(path = "/{id}/similarity", produces = MediaType.APPLICATION_JSON_VALUE)
    MatrixJson similarityJson(@PathVariable long id, @RequestParam(defaultValue = "input") String order,
            @RequestParam(required = false) String model) {
        DatasetSimilarity.Matrix matrix = similarity.matrix(id, model);
        int[] permutation = permutation(matrix, order);
        int n = permutation.length;
        float[][] rows = new float[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) rows[r][c] = matrix.at(permutation[r], permutation[c]);
        }
        return new MatrixJson(matrix.model(), permutation, rows);
    }

    /**
     * The compact form the browser reads: uint32 LE N, N int32 LE order indices, then N×N int16 LE
     * round(S·10000) with rows and columns in that order.
     */
    @GetMapping(path = "/{id}/similarity", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<byte[]> similarityInt16(@PathVariable long id, @RequestParam(defaultValue = "input") String order,
            @RequestParam(required = false) String model) {
        DatasetSimilarity.Matrix matrix = similarity.matrix(id, model);
        return ResponseEntity.ok().contentType(INT16_MATRIX).body(int16(matrix, permutation(matrix, order)));
    }

    /** ?format=json or ?format=int16 chooses the form whatever the Accept header says. */
    @GetMapping(path = "/{id}/similarity", params = "format")
    ResponseEntity<?> similarityAs(@PathVariable long id, @RequestParam(defaultValue = "input") String order,
            @RequestParam String format, @RequestParam(required = false) String model) {
        return switch (format) {
            case "int16" -> similarityInt16(id, order, model);
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(similarityJson(id, order, model));
            default -> throw new InvalidInputException("format", "Unknown format '" + format + "': use json or int16.");
        };
    }

    record MatrixJson(String model, int[] order, float[][] matrix) {
    }

    private static int[] permutation(DatasetSimilarity.Matrix matrix, String order) {
        return switch (order) {
            case "input" -> matrix.inputOrder();
            case "cluster" -> matrix.clusterOrder();
            default -> throw new InvalidInputException("order", "Unknown order '" + order + "': use input or cluster.");
        };
    }

    static byte[] int16(DatasetSimilarity.Matrix matrix, int[] order) {
        int n = order.length;
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * n + 2 * n * n).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(n);
        for (int index : order) buffer.putInt(index);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                long scaled = Math.round(matrix.at(order[r], order[c]) * 10000.0);
                buffer.putShort((short) Math.max(-10000, Math.min(10000, scaled)));
            }
        }
        return buffer.array();
    }

    private ResponseEntity<DatasetViews.Changed> created(DatasetService.Change change) {
        long id = change.dataset().id();
        return ResponseEntity.created(URI.create("/api/datasets/" + id)).body(views.changed(change));
    }
}

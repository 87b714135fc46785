package org.simexplorer.dataset;

import org.simexplorer.errors.TooLargeException;
import org.simexplorer.errors.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.simexplorer.dataset.UploadParser.ParsedUpload;
import org.simexplorer.dataset.UploadParser.TextLine;
import org.simexplorer.labels.LabelRepository;
import org.simexplorer.system.RequestLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
    private final DatasetSimilarity similarity;
    private final LabelRepository labels;
    private final DatasetLimits limits;
    private final RequestLimits requestLimits;

    DatasetController(DatasetService datasets, DatasetSimilarity similarity, LabelRepository labels,
            DatasetLimits limits, RequestLimits requestLimits) {
        this.datasets = datasets;
        this.similarity = similarity;
        this.labels = labels;
        this.limits = limits;
        this.requestLimits = requestLimits;
    }

    record CreateRequest(String name, List<Object> sentences, String model) {
    }

    record AppendRequest(List<Object> sentences) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> createFromJson(@RequestBody CreateRequest request) {
        List<TextLine> sentences = jsonSentences(request.sentences());
        DatasetService.Change change = datasets.create(request.name(), request.model(), sentences, List.of(), 0);
        return created(change);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> createFromUpload(@RequestParam(required = false) String name,
            @RequestPart("file") MultipartFile file, @RequestParam(required = false) String model,
            @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "2.5") double threshold) {
        ParsedUpload upload = parse(file, format);
        String datasetName = name != null && !name.isBlank() ? name : file.getOriginalFilename();
        DatasetService.Change change = datasets.create(datasetName, model, upload.sentences(), upload.pairs(),
                threshold);
        return created(change);
    }

    @GetMapping
    List<Map<String, Object>> list() {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Dataset dataset : datasets.list()) {
            Map<String, Object> summary = header(dataset);
            summary.put("counts", counts(dataset.id()));
            result.add(summary);
        }
        return result;
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable long id) {
        return view(datasets.get(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        datasets.delete(id);
        similarity.forget(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/sentences", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> appendFromJson(@PathVariable long id, @RequestBody AppendRequest request) {
        return changed(datasets.append(id, jsonSentences(request.sentences()), List.of(), 0));
    }

    @PostMapping(path = "/{id}/sentences", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> appendFromUpload(@PathVariable long id, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String format, @RequestParam(defaultValue = "2.5") double threshold) {
        datasets.get(id);
        ParsedUpload upload = parse(file, format);
        return changed(datasets.append(id, upload.sentences(), upload.pairs(), threshold));
    }

    /**
     * JSON {"model","order","matrix"} by default. With format=int16 or Accept: application/octet-stream, the
     * compact form the browser reads: uint32 LE N, N int32 LE order indices, then N×N int16 LE round(S·10000)
     * with rows and columns in that order.
     */
    @GetMapping("/{id}/similarity")
    ResponseEntity<?> similarity(@PathVariable long id, @RequestParam(defaultValue = "input") String order,
            @RequestParam(required = false) String format, @RequestParam(required = false) String model,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean cluster = switch (order) {
            case "input" -> false;
            case "cluster" -> true;
            default -> throw new InvalidInputException("Unknown order '" + order + "': use input or cluster.");
        };
        boolean binary;
        if (format == null) {
            binary = accept != null && accept.contains(MediaType.APPLICATION_OCTET_STREAM_VALUE)
                    && !accept.contains(MediaType.APPLICATION_JSON_VALUE);
        } else if (format.equals("int16")) {
            binary = true;
        } else if (format.equals("json")) {
            binary = false;
        } else {
            throw new InvalidInputException("Unknown format '" + format + "': use json or int16.");
        }
        DatasetSimilarity.Matrix matrix = similarity.matrix(id, model);
        int[] permutation = cluster ? matrix.clusterOrder() : matrix.inputOrder();
        if (binary) {
            return ResponseEntity.ok().contentType(INT16_MATRIX).body(int16(matrix, permutation));
        }
        int n = permutation.length;
        float[][] rows = new float[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) rows[r][c] = matrix.at(permutation[r], permutation[c]);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", matrix.model());
        body.put("order", permutation);
        body.put("matrix", rows);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
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

    private ParsedUpload parse(MultipartFile file, String format) {
        if (file.getSize() > limits.maxUploadSize().toBytes()) {
            throw new TooLargeException("The upload has " + file.getSize() + " bytes; at most "
                    + limits.maxUploadSize().toBytes() + " are allowed.")
                    .with("limit", limits.maxUploadSize().toBytes());
        }
        UploadFormat uploadFormat = format != null ? UploadFormat.fromName(format)
                : UploadFormat.fromFilename(file.getOriginalFilename());
        try {
            return UploadParser.parse(file.getBytes(), uploadFormat);
        } catch (IOException e) {
            throw new InvalidInputException("The upload could not be read: " + e.getMessage());
        }
    }

    private List<TextLine> jsonSentences(List<Object> raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidInputException("'sentences' is missing or empty: give a non-empty list of strings.");
        }
        if (raw.size() > limits.maxSentences()) {
            throw new TooLargeException("'sentences' has " + raw.size() + " entries; a dataset holds at most "
                    + limits.maxSentences() + ".").with("limit", limits.maxSentences());
        }
        List<TextLine> sentences = new ArrayList<>(raw.size());
        for (int k = 0; k < raw.size(); k++) {
            if (!(raw.get(k) instanceof String text) || text.isBlank()) {
                throw new InvalidInputException("sentences[" + k + "] is not a non-blank string.").with("index", k);
            }
            if (text.length() > requestLimits.maxCharsPerSentence()) {
                throw new InvalidInputException("sentences[" + k + "] has " + text.length() + " characters; at most "
                        + requestLimits.maxCharsPerSentence() + " are allowed.").with("index", k)
                        .with("limit", requestLimits.maxCharsPerSentence());
            }
            sentences.add(new TextLine(text, 0));
        }
        return sentences;
    }

    private ResponseEntity<Map<String, Object>> created(DatasetService.Change change) {
        long id = change.dataset().id();
        return ResponseEntity.created(URI.create("/api/datasets/" + id)).body(changed(change));
    }

    private Map<String, Object> changed(DatasetService.Change change) {
        Map<String, Object> body = view(datasets.get(change.dataset().id()));
        body.put("added", change.added());
        body.put("duplicates", change.duplicates());
        body.put("labelsImported", change.labelsImported());
        body.put("identicalPairsSkipped", change.identicalPairsSkipped());
        return body;
    }

    private Map<String, Object> view(Dataset dataset) {
        Map<String, Object> body = header(dataset);
        List<String> texts = datasets.sentences(dataset.id());
        body.put("sentences", texts);
        body.put("counts", counts(dataset.id()));
        return body;
    }

    private static Map<String, Object> header(Dataset dataset) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", dataset.id());
        body.put("name", dataset.name());
        body.put("model", dataset.model());
        body.put("createdAt", dataset.createdAt().toString());
        return body;
    }

    private Map<String, Object> counts(long id) {
        int total = labels.count(id);
        int positives = labels.countPositive(id);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("sentences", datasets.sentenceCount(id));
        counts.put("labels", total);
        counts.put("positives", positives);
        counts.put("negatives", total - positives);
        return counts;
    }
}

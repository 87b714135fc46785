package org.simexplorer.labels;

import org.simexplorer.errors.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.simexplorer.dataset.DatasetLimits;
import org.simexplorer.formats.UploadFormat;
import org.simexplorer.formats.UploadParser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/datasets/{id}")
class LabelController {

    private final LabelService labels;
    private final DatasetLimits limits;

    LabelController(LabelService labels, DatasetLimits limits) {
        this.labels = labels;
        this.limits = limits;
    }

    @GetMapping("/labels")
    List<Label> list(@PathVariable long id) {
        return labels.list(id);
    }

    /** Body [{"i","j","label"}] with label +1, -1, or 0 to remove; answered after the transaction commits. */
    @PutMapping("/labels")
    LabelService.PutResult put(@PathVariable long id, @RequestBody List<Object> body) {
        return labels.put(id, changes(body));
    }

    @GetMapping("/labels/export")
    ResponseEntity<String> export(@PathVariable long id, @RequestParam(defaultValue = "csv") String format) {
        String body = labels.export(id, format);
        MediaType type = format.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : new MediaType("application", "jsonl", StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("dataset-" + id + "-labels." + format).build().toString())
                .body(body);
    }

    @PostMapping(path = "/labels/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    LabelService.ImportResult importFile(@PathVariable long id, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String format, @RequestParam(defaultValue = "2.5") double threshold)
            throws IOException {
        limits.checkUploadSize(file.getSize());
        UploadFormat uploadFormat = UploadFormat.of(format, file.getOriginalFilename());
        return labels.importPairs(id, UploadParser.parse(file.getBytes(), uploadFormat), threshold);
    }

    /** The file as the raw body; the format comes from ?format=, else Content-Type, else the first character. */
    @PostMapping("/labels/import")
    LabelService.ImportResult importBody(@PathVariable long id, @RequestBody(required = false) byte[] body,
            @RequestParam(required = false) String format, @RequestParam(defaultValue = "2.5") double threshold,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("The request body is empty: send a CSV or JSONL file.");
        }
        limits.checkUploadSize(body.length);
        UploadFormat uploadFormat = format != null ? UploadFormat.fromName(format) : sniff(contentType, body);
        return labels.importPairs(id, UploadParser.parse(body, uploadFormat), threshold);
    }

    private static UploadFormat sniff(String contentType, byte[] body) {
        if (contentType != null) {
            String type = contentType.toLowerCase(Locale.ROOT);
            if (type.startsWith("text/csv")) return UploadFormat.CSV;
            if (type.startsWith("text/tab-separated-values")) return UploadFormat.TSV;
            if (type.contains("jsonl") || type.contains("ndjson") || type.contains("json-lines")
                    || type.contains("json-seq")) {
                return UploadFormat.JSONL;
            }
        }
        for (byte b : body) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') continue;
            return b == '{' ? UploadFormat.JSONL : UploadFormat.CSV;
        }
        return UploadFormat.CSV;
    }

    private static List<LabelService.LabelChange> changes(List<Object> body) {
        if (body == null) {
            throw new InvalidInputException("The body must be a list of {\"i\",\"j\",\"label\"} objects.");
        }
        List<LabelService.LabelChange> changes = new ArrayList<>(body.size());
        for (int k = 0; k < body.size(); k++) {
            if (!(body.get(k) instanceof Map<?, ?> item)) {
                throw new InvalidInputException("[" + k + "] is not an object {\"i\",\"j\",\"label\"}.")
                        .with("index", k);
            }
            int i = integer(item.get("i"), "i", k);
            int j = integer(item.get("j"), "j", k);
            int label = integer(item.get("label"), "label", k);
            if (label < -1 || label > 1) {
                throw new InvalidInputException("[" + k + "]: label " + label
                        + " is not one of 1 (similar), -1 (dissimilar) or 0 (remove).").with("index", k);
            }
            changes.add(new LabelService.LabelChange(i, j, label));
        }
        return changes;
    }

    private static int integer(Object value, String key, int k) {
        if (value instanceof Integer number) return number;
        throw new InvalidInputException("[" + k + "]: \"" + key + "\" must be an integer, not " + value + ".")
                .with("index", k);
    }
}

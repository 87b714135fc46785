package org.simexplorer.labels;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.simexplorer.errors.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.simexplorer.dataset.DatasetLimits;
import org.simexplorer.formats.UploadFormat;
import org.simexplorer.formats.UploadParser;
import org.simexplorer.openapi.ProblemResponses;
import org.simexplorer.errors.TooLargeException;
import org.simexplorer.limits.RequestLimits;
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
@Tag(name = "Labels")
class LabelController {

    private final LabelService labels;
    private final DatasetLimits limits;
    private final RequestLimits requestLimits;

    LabelController(LabelService labels, DatasetLimits limits, RequestLimits requestLimits) {
        this.requestLimits = requestLimits;
        this.labels = labels;
        this.limits = limits;
    }

    /** One item of the PUT labels body, as the API document shows it. */
    record LabelChange(int i, int j, @Schema(allowableValues = {"1", "-1", "0"},
            description = "1 similar, -1 dissimilar, 0 removes the label") int label) {
    }

    @Operation(summary = "The dataset's pair labels")
    @ProblemResponses({400, 404})
    @GetMapping("/labels")
    List<Label> list(@PathVariable long id) {
        return labels.list(id);
    }

    /** Body [{"i","j","label"}] with label +1, -1, or 0 to remove; answered after the transaction commits. */
    @Operation(summary = "Set or remove labels, in one transaction", description = "Answered after the commit.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    array = @ArraySchema(schema = @Schema(implementation = LabelChange.class)))))
    @ProblemResponses({400, 404})
    @PutMapping("/labels")
    LabelService.PutResult put(@PathVariable long id, @RequestBody List<Object> body) {
        int max = requestLimits.maxLabelChanges();
        if (body != null && body.size() > max) {
            throw new TooLargeException("The request has " + body.size() + " label changes; at most " + max
                    + " are allowed in one request (simexplorer.limits.max-label-changes).").with("limit", max);
        }
        return labels.put(id, changes(body));
    }

    @Operation(summary = "Download the labels as sentence1,sentence2,label (CSV or JSONL)")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/jsonl", schema = @Schema(type = "string"))})
    @ProblemResponses({400, 404})
    @GetMapping("/labels/export")
    ResponseEntity<String> export(@PathVariable long id,
            @Parameter(description = "the file's format", schema = @Schema(allowableValues = {"csv", "jsonl"}))
            @RequestParam(defaultValue = "csv") String format,
            @Parameter(description = "label writes 1/0, score writes 1.0/0.0 (for CoSENTLoss and"
                    + " CosineSimilarityLoss)", schema = @Schema(allowableValues = {"label", "score"}))
            @RequestParam(defaultValue = "label") String column) {
        String body = labels.export(id, format, column);
        MediaType type = format.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : new MediaType("application", "jsonl", StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("dataset-" + id + "-labels." + format).build().toString())
                .body(body);
    }

    @Operation(summary = "Import pair labels from an uploaded CSV or JSONL file",
            description = "Columns sentence1,sentence2 with label or score (score ≥ threshold is similar), or i,j,label.")
    @ProblemResponses({400, 404, 413})
    @PostMapping(path = "/labels/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    LabelService.ImportResult importFile(@PathVariable long id, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String format, @RequestParam(defaultValue = "2.5") double threshold)
            throws IOException {
        limits.checkUploadSize(file.getSize());
        UploadFormat uploadFormat = UploadFormat.of(format, file.getOriginalFilename());
        return labels.importPairs(id, UploadParser.parse(file.getInputStream(), uploadFormat), threshold);
    }

    /** The file as the raw body; the format comes from ?format=, else Content-Type, else the first character. */
    @Operation(summary = "Import pair labels sent as the raw request body (CSV or JSONL)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/jsonl", schema = @Schema(type = "string"))}))
    @ProblemResponses({400, 404, 413})
    @PostMapping(path = "/labels/import", consumes = {"text/csv", "application/jsonl", "text/plain",
        "text/tab-separated-values", "application/x-ndjson"})
    LabelService.ImportResult importBody(@PathVariable long id, HttpServletRequest request,
            @Parameter(description = "csv, tsv or jsonl; else taken from Content-Type, else from the first character")
            @RequestParam(required = false) String format, @RequestParam(defaultValue = "2.5") double threshold,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false)
            String contentType)
            throws IOException {
        limits.checkUploadSize(request.getContentLengthLong());
        byte[] body = readCapped(request.getInputStream());
        if (body.length == 0) {
            throw new InvalidInputException("The request body is empty: send a CSV or JSONL file.");
        }
        UploadFormat uploadFormat = format != null ? UploadFormat.fromName(format) : sniff(contentType, body);
        return labels.importPairs(id, UploadParser.parse(body, uploadFormat), threshold);
    }

    /** Reads the body while counting, so a body without Content-Length is refused once it passes the limit. */
    private byte[] readCapped(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int read; (read = in.read(buffer)) > 0; ) {
            total += read;
            limits.checkUploadSize(total);
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
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

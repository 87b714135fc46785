package org.simexplorer.dataset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.TooLargeException;
import org.simexplorer.formats.ParsedUpload;
import org.simexplorer.formats.StorableText;
import org.simexplorer.formats.TextLine;
import org.simexplorer.formats.UploadFormat;
import org.simexplorer.formats.UploadParser;
import org.simexplorer.limits.RequestLimits;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Reads the sentences of a create or append request (a JSON list, or an uploaded file) and checks the limits. */
@Component
class SentenceInputs {

    private final DatasetLimits limits;
    private final RequestLimits requestLimits;

    SentenceInputs(DatasetLimits limits, RequestLimits requestLimits) {
        this.limits = limits;
        this.requestLimits = requestLimits;
    }

    List<TextLine> fromJson(List<Object> raw) {
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
            if (!StorableText.storable(text)) throw StorableText.refused("sentences[" + k + "]", "index", k);
            sentences.add(new TextLine(text, 0));
        }
        return sentences;
    }

    ParsedUpload fromFile(MultipartFile file, String format) {
        limits.checkUploadSize(file.getSize());
        UploadFormat uploadFormat = UploadFormat.of(format, file.getOriginalFilename());
        try {
            return UploadParser.parse(file.getInputStream(), uploadFormat);
        } catch (IOException e) {
            throw new InvalidInputException("The upload could not be read: " + e.getMessage());
        }
    }
}

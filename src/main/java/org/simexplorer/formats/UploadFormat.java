package org.simexplorer.formats;

import org.simexplorer.errors.InvalidInputException;
import java.util.Locale;

/** The file formats a dataset or a label import can come in. */
public enum UploadFormat {
    TXT, CSV, TSV, JSONL;

    /** By file extension (.txt, .csv, .tsv, .jsonl or .ndjson). */
    public static UploadFormat fromFilename(String filename) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) return TXT;
        if (name.endsWith(".csv")) return CSV;
        if (name.endsWith(".tsv")) return TSV;
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return JSONL;
        throw new InvalidInputException("Cannot tell the format of '" + filename
                + "': use a .txt, .csv, .tsv or .jsonl file.");
    }

    /** By a format request parameter: txt, csv, tsv or jsonl. */
    public static UploadFormat fromName(String format) {
        try {
            return valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Unknown format '" + format + "': use txt, csv, tsv or jsonl.");
        }
    }

    /** From the format parameter when given, else from the file name. */
    public static UploadFormat of(String format, String filename) {
        return format != null ? fromName(format) : fromFilename(filename);
    }
}

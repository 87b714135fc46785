package org.simexplorer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An STS-style TSV: header sentence1, sentence2, score; split on tabs only, no quoting. */
record StsFile(List<String> first, List<String> second, double[] scores) {

    static StsFile read(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        if (lines.isEmpty()) throw new IOException(path + " is empty");
        String[] header = lines.get(0).split("\t", -1);
        if (header.length < 3 || !header[0].trim().equals("sentence1") || !header[1].trim().equals("sentence2")
                || !header[2].trim().equals("score")) {
            throw new IOException(path + ": line 1 must be the header sentence1<TAB>sentence2<TAB>score");
        }
        List<String> first = new ArrayList<>(), second = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) continue;
            String[] cells = line.split("\t", -1);
            if (cells.length < 3) throw new IOException(path + ": line " + (n + 1) + " has fewer than 3 tab-separated fields");
            try {
                scores.add(Double.parseDouble(cells[2].trim()));
            } catch (NumberFormatException e) {
                throw new IOException(path + ": line " + (n + 1) + " has a score that is not a number: " + cells[2]);
            }
            first.add(cells[0]);
            second.add(cells[1]);
        }
        return new StsFile(first, second, scores.stream().mapToDouble(Double::doubleValue).toArray());
    }
}

package org.simexplorer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** The summary figures and key=value formatting the benchmark commands share. */
final class Timings {

    private Timings() {
    }

    static String kv(String key, double value) {
        return key + "=" + String.format(Locale.ROOT, "%.3f", value);
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /** The system load when a benchmark starts and ends: other work on the 2 cores shows in the medians. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().replace(' ', '_');
        } catch (Exception e) {
            return "unknown";
        }
    }
}

package org.simexplorer.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The browser modules a page's entry module imports, directly or through others, for the page's
 * {@code <link rel="modulepreload">} list. Without it the browser discovers the import graph one level per round
 * trip; with it every module is asked for at once. Read from the served modules (classpath static/js), once per
 * entry.
 */
@Component
class ModulePreloads {

    private static final String ROOT = "static/js/";
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*(?:import|export)\\b[^;'\"]*?from\\s+'\\./([\\w.-]+\\.js)'"
            + "|^\\s*import\\s+'\\./([\\w.-]+\\.js)'");

    private final Map<String, List<String>> byEntry = new ConcurrentHashMap<>();

    /** The file names (relative to /js/) of every module {@code entries} import, the entries themselves first. */
    List<String> of(String... entries) {
        return byEntry.computeIfAbsent(String.join(",", entries), key -> closure(entries));
    }

    private static List<String> closure(String[] entries) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(entries));
        while (!next.isEmpty()) {
            String module = next.removeFirst();
            if (!seen.add(module)) continue;
            next.addAll(imports(source(module)));
        }
        return List.copyOf(seen);
    }

    /** The sibling modules one module's static imports name. */
    static List<String> imports(String source) {
        Matcher matcher = IMPORT.matcher(source);
        Set<String> found = new LinkedHashSet<>();
        while (matcher.find()) found.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        return List.copyOf(found);
    }

    private static String source(String module) {
        ClassPathResource resource = new ClassPathResource(ROOT + module);
        if (!resource.exists()) return "";
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.simexplorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the relative links of the user documentation (README.md, CONTRIBUTING.md, docs/**.md) that a reader of a
 * fresh clone could not follow: a missing file, a path that leaves the repository, or an anchor that names no
 * heading of its file.
 */
final class DocsLinks {

    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");

    private DocsLinks() {
    }

    /** The documentation files of a repository: README.md, CONTRIBUTING.md and every Markdown file under docs/. */
    static List<Path> documents(Path root) {
        List<Path> files = new ArrayList<>();
        for (String top : List.of("README.md", "CONTRIBUTING.md")) {
            if (Files.isRegularFile(root.resolve(top))) files.add(root.resolve(top));
        }
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> walk = Files.walk(docs)) {
                walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** One line per link that cannot be followed, as "file: target (why)". */
    static List<String> brokenLinks(Path root) {
        Path base = root.toAbsolutePath().normalize();
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Path file : documents(base)) {
            for (String target : links(read(file))) {
                String problem = problem(base, file, target, anchors);
                if (problem != null) broken.add(base.relativize(file) + ": " + target + " (" + problem + ")");
            }
        }
        return broken;
    }

    /** The link targets of a Markdown text, outside code blocks and code spans. */
    static List<String> links(String markdown) {
        StringBuilder prose = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
                continue;
            }
            if (fenced || line.startsWith("    ") || line.startsWith("\t")) continue;
            prose.append(line.replaceAll("`[^`]*`", "")).append('\n');
        }
        List<String> targets = new ArrayList<>();
        Matcher m = LINK.matcher(prose);
        while (m.find()) targets.add(m.group(1));
        return targets;
    }

    /** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> anchors(String markdown) {
        Set<String> slugs = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (fenced || !m.matches()) continue;
            String slug = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
                    .replace(' ', '-');
            int count = seen.merge(slug, 1, Integer::sum);
            slugs.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return slugs;
    }

    private static String problem(Path root, Path file, String target, Map<Path, Set<String>> anchors) {
        if (SCHEME.matcher(target).find() || target.startsWith("//")) return null;
        int hash = target.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? file
                : (path.startsWith("/") ? root.resolve(path.substring(1)) : file.getParent().resolve(path)).normalize();
        if (!resolved.startsWith(root)) return "outside the repository";
        if (!Files.exists(resolved)) return "no such file";
        if (anchor == null || anchor.isEmpty() || !resolved.toString().endsWith(".md")) return null;
        Set<String> known = anchors.computeIfAbsent(resolved, p -> anchors(read(p)));
        return known.contains(anchor) ? null : "no heading with that anchor";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

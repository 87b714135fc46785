package org.simexplorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README stays the short page a user reads first, and every relative link of the documentation resolves. */
class DocsLinksTest {

    private static final int README_MAX_LINES = 250;
    private static final Path REPOSITORY = Path.of("").toAbsolutePath();

    @Test
    void readmeIsShort() throws IOException {
        assertThat(Files.readAllLines(REPOSITORY.resolve("README.md"))).hasSizeLessThanOrEqualTo(README_MAX_LINES);
    }

    @Test
    void everyRelativeLinkOfTheDocumentationResolvesInsideTheRepository() {
        assertThat(DocsLinks.documents(REPOSITORY)).extracting(p -> REPOSITORY.relativize(p).toString())
                .contains("README.md", "CONTRIBUTING.md", "docs/api.md", "docs/benchmarks.md");
        assertThat(DocsLinks.brokenLinks(REPOSITORY)).isEmpty();
    }

    @Test
    void everyDocumentIsOneClickFromTheReadme() throws IOException {
        List<String> fromReadme = DocsLinks.links(Files.readString(REPOSITORY.resolve("README.md")));
        for (Path doc : DocsLinks.documents(REPOSITORY)) {
            String relative = REPOSITORY.relativize(doc).toString();
            if (relative.equals("README.md")) continue;
            assertThat(fromReadme).as("README links to " + relative)
                    .anyMatch(target -> target.equals(relative) || target.startsWith(relative + "#"));
        }
    }

    @Test
    void reportsMissingFilesPathsOutsideTheRepositoryAndUnknownAnchors(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/guide.md"), "# Guide\n\n## Running on PostgreSQL\n\ntext\n");
        Files.writeString(root.resolve("README.md"), String.join("\n",
                "[guide](docs/guide.md) and [its section](docs/guide.md#running-on-postgresql)",
                "[gone](docs/missing.md), [shared](../shared/reference/pair-losses.json),",
                "[bad anchor](docs/guide.md#nowhere), [web](https://example.org/x.md), [mail](mailto:a@b.c)",
                "![a picture\nover two lines](docs/images/none.png)",
                "`[in code](docs/code.md)`",
                "    [indented code](docs/indented.md)",
                "```",
                "[fenced](docs/fenced.md)",
                "```", ""));

        assertThat(DocsLinks.brokenLinks(root)).containsExactlyInAnyOrder(
                "README.md: docs/missing.md (no such file)",
                "README.md: ../shared/reference/pair-losses.json (outside the repository)",
                "README.md: docs/guide.md#nowhere (no heading with that anchor)",
                "README.md: docs/images/none.png (no such file)");
    }

    @Test
    void anchorsFollowGitHubHeadingIds() {
        String markdown = "# REST API\n## The `bench train` table\n## Notes\n## Notes\n```\n# not a heading\n```\n";
        assertThat(DocsLinks.anchors(markdown))
                .containsExactlyInAnyOrder("rest-api", "the-bench-train-table", "notes", "notes-1");
    }
}

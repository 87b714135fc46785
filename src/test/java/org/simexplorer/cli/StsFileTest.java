package org.simexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StsFileTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("pairs.tsv"), text);
    }

    @Test
    void splitsOnTabsOnlySoQuotesStayLiteral() throws Exception {
        StsFile sts = StsFile.read(write("sentence1\tsentence2\tscore\n"
                + "He said \"hi, there\".\tA \"quoted\" reply\t4.2\n\n" + "One\tTwo\t0\n"));
        assertThat(sts.first()).containsExactly("He said \"hi, there\".", "One");
        assertThat(sts.second()).containsExactly("A \"quoted\" reply", "Two");
        assertThat(sts.scores()).containsExactly(4.2, 0.0);
    }

    @Test
    void rejectsAWrongHeader() throws Exception {
        Path file = write("a\tb\tc\nx\ty\t1\n");
        assertThatThrownBy(() -> StsFile.read(file)).hasMessageContaining("line 1");
    }

    @Test
    void namesTheLineWithABadScore() throws Exception {
        Path file = write("sentence1\tsentence2\tscore\nx\ty\t1\nx\ty\thigh\n");
        assertThatThrownBy(() -> StsFile.read(file)).hasMessageContaining("line 3").hasMessageContaining("high");
    }
}

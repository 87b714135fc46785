package org.simexplorer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class H2FilePathTest {

    @Test
    void relativePathsBecomeAbsoluteAndOptionsStay() {
        String cwd = Path.of("").toAbsolutePath().toString();
        assertThat(H2FilePath.absolute("jdbc:h2:file:target/x/simexplorer;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:" + cwd + "/target/x/simexplorer;WRITE_DELAY=0");
        assertThat(H2FilePath.absolute("jdbc:h2:file:./data/simexplorer"))
                .isEqualTo("jdbc:h2:file:" + cwd + "/data/simexplorer");
    }

    @Test
    void absoluteHomeAndOtherUrlsAreLeftAlone() {
        assertThat(H2FilePath.absolute("jdbc:h2:file:/srv/simex/db;A=1")).isEqualTo("jdbc:h2:file:/srv/simex/db;A=1");
        assertThat(H2FilePath.absolute("jdbc:h2:file:~/simex")).isEqualTo("jdbc:h2:file:~/simex");
        assertThat(H2FilePath.absolute("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(H2FilePath.absolute("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }
}

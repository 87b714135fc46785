package org.simexplorer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordHashCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin) throws Exception {
        return PasswordHashCommand.run(null, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsABcryptHashTheUserSettingsAccept() throws Exception {
        assertThat(run("correct horse battery staple\n")).isZero();
        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(new BCryptPasswordEncoder().matches("correct horse battery staple", hash)).isTrue();
        assertThat(new SecuritySettings(List.of(), List.of("alice:" + hash), false, null).userHashes())
                .containsEntry("alice", hash);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("simexplorer.security.users=NAME:HASH");
    }

    @Test
    void refusesAnEmptyPasswordAndWarnsAboutAShortOne() throws Exception {
        assertThat(run("")).isEqualTo(1);
        assertThat(out.size()).isZero();
        assertThat(run("short\n")).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("shorter than 8");
    }
}

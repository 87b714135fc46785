package org.simexplorer.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorStatusTest {

    @Test
    void eachFailureHasItsOneStatus() {
        assertThat(ErrorStatus.of(new InvalidInputException("text", "empty"))).isEqualTo(400);
        assertThat(ErrorStatus.of(new NotFoundException("no dataset 7"))).isEqualTo(404);
        assertThat(ErrorStatus.of(new ConflictException("taken"))).isEqualTo(409);
        assertThat(ErrorStatus.of(new TooLargeException("too many"))).isEqualTo(413);
        assertThat(ErrorStatus.of(new UndefinedException("no variance"))).isEqualTo(422);
        assertThat(ErrorStatus.of(new OverloadedException("busy", 5))).isEqualTo(503);
    }
}

package org.simexplorer.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.simexplorer.SimilarityExplorerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class NetworkExposureTest {

    private static final String HASH = new BCryptPasswordEncoder(4).encode("a long enough password");

    private static NetworkExposure exposure(String address, List<String> users, boolean allowAnonymous,
            Boolean requireLogin) {
        MockEnvironment environment = new MockEnvironment();
        if (address != null) environment.setProperty("server.address", address);
        return new NetworkExposure(environment, new SecuritySettings(List.of(), users, allowAnonymous, requireLogin));
    }

    @Test
    void loopbackAddressesAndNamesAreLoopback() {
        assertThat(NetworkExposure.isLoopback("127.0.0.1")).isTrue();
        assertThat(NetworkExposure.isLoopback("127.3.2.1")).isTrue();
        assertThat(NetworkExposure.isLoopback("::1")).isTrue();
        assertThat(NetworkExposure.isLoopback("localhost")).isTrue();
        assertThat(NetworkExposure.isLoopback("0.0.0.0")).isFalse();
        assertThat(NetworkExposure.isLoopback("::")).isFalse();
        assertThat(NetworkExposure.isLoopback("192.0.2.10")).isFalse();
        assertThat(NetworkExposure.isLoopback("")).as("no address: every interface").isFalse();
        assertThat(NetworkExposure.isLoopback(null)).isFalse();
    }

    @Test
    void loopbackStaysLoginFree() {
        assertThat(exposure("127.0.0.1", List.of(), false, null).loginRequired()).isFalse();
        assertThat(exposure("127.0.0.1", List.of("alice:" + HASH), false, null).loginRequired()).isFalse();
    }

    @Test
    void anyOtherAddressRequiresALoginAndRefusesToRunWithoutUsers() {
        assertThat(exposure("0.0.0.0", List.of("alice:" + HASH), false, null).loginRequired()).isTrue();
        assertThat(exposure(null, List.of("alice:" + HASH), false, null).loginRequired()).isTrue();
        assertThatThrownBy(() -> exposure("0.0.0.0", List.of(), false, null))
                .isInstanceOf(UnsafeNetworkSettingsException.class).hasMessageContaining("0.0.0.0")
                .hasMessageContaining("refusing to start");
        assertThatThrownBy(() -> exposure(null, List.of(), false, null))
                .hasMessageContaining("every network interface");
    }

    @Test
    void anonymousAccessOnANetworkOnlyOnPurpose() {
        assertThat(exposure("0.0.0.0", List.of(), true, null).loginRequired()).isFalse();
    }

    @Test
    void aReverseProxyOnTheSameMachineCanForceTheLogin() {
        assertThat(exposure("127.0.0.1", List.of("alice:" + HASH), false, true).loginRequired()).isTrue();
        assertThatThrownBy(() -> exposure("127.0.0.1", List.of(), false, true))
                .isInstanceOf(UnsafeNetworkSettingsException.class);
    }

    @Test
    void usersNeedANameAndABcryptHashNeverAPlainPassword() {
        assertThatThrownBy(() -> exposure("0.0.0.0", List.of("alice:secret123"), false, null))
                .hasMessageContaining("alice").hasMessageContaining("not a bcrypt hash")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret123"));
        assertThatThrownBy(() -> exposure("0.0.0.0", List.of(":" + HASH), false, null)).hasMessageContaining("no user name");
        assertThatThrownBy(() -> exposure("0.0.0.0", List.of("alice:" + HASH, "alice:" + HASH), false, null))
                .hasMessageContaining("twice");
        assertThat(exposure("0.0.0.0", List.of(" alice : " + HASH + " ", "bob:" + HASH.replace("$2a$", "$2y$")),
                false, null).users()).containsOnlyKeys("alice", "bob");
    }

    @Test
    void theAppRefusesToStartOnEveryInterfaceWithoutUsers() {
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() ->
                new SpringApplicationBuilder(SimilarityExplorerApplication.class).run("--server.address=0.0.0.0",
                        "--server.port=0", "--simexplorer.data-dir=./target/test-data/refused-start",
                        "--spring.main.banner-mode=off"));
        assertThat(refused).hasRootCauseInstanceOf(UnsafeNetworkSettingsException.class);
        FailureAnalysis analysis = new UnsafeNetworkSettingsFailureAnalyzer().analyze(refused);
        assertThat(analysis.getDescription()).contains("0.0.0.0").contains("refusing to start");
        assertThat(analysis.getAction()).contains("simexplorer.security.users").contains("allow-anonymous");
    }
}

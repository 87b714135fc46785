package org.simexplorer.explorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every browser test class shares: the app on a random port with a fresh H2 database in a temporary
 * folder, and one headless Chromium for the class.
 */
abstract class BrowserTest {

    private static Path dataDir;
    static ChromeDriver driver;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("simexplorer-browser-it");
        registry.add("simexplorer.data-dir", () -> dataDir.toString());
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        driver = BrowserSession.start(Files.createTempDirectory("simexplorer-chromium"));
    }

    /** Every page of every test keeps within the Content-Security-Policy: no inline script, style or handler. */
    @AfterEach
    void noSecurityPolicyViolations() {
        assertThat(BrowserSession.securityPolicyViolations(driver)).isEmpty();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    ExplorerPage page() {
        return new ExplorerPage(driver, port);
    }
}

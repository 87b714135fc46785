package org.simexplorer.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Labelling in a real headless Chromium against the running app (real model, fresh H2): fast keyed labels end
 * as the server's, a failed save is shown and retried, the keyboard alone labels a pair, and axe-core finds no
 * serious or critical violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LabellingBrowserIT {

    /** How many of the next label writes the server refuses (503), to test failed saves. */
    static final AtomicInteger FAIL_NEXT_LABEL_PUTS = new AtomicInteger();

    @TestConfiguration
    static class FailingSaves {
        @Bean
        FilterRegistrationBean<OncePerRequestFilter> failChosenLabelWrites() {
            OncePerRequestFilter filter = new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                        throws ServletException, IOException {
                    boolean labelWrite = "PUT".equals(request.getMethod()) && request.getRequestURI().endsWith("/labels");
                    if (labelWrite && FAIL_NEXT_LABEL_PUTS.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        response.setStatus(503);
                        response.setContentType("application/problem+json");
                        response.getWriter().write("{\"title\":\"Service Unavailable\",\"status\":503,"
                                + "\"detail\":\"The test refused this write.\"}");
                        return;
                    }
                    chain.doFilter(request, response);
                }
            };
            FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
            registration.addUrlPatterns("/api/*");
            return registration;
        }
    }

    private static Path dataDir;
    private static ChromeDriver driver;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("simexplorer-labelling-it");
        registry.add("simexplorer.data-dir", () -> dataDir.toString());
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        driver = BrowserSession.start(Files.createTempDirectory("simexplorer-chromium"));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private ExplorerPage page() {
        return new ExplorerPage(driver, port);
    }

    static final List<String> SENTENCES = List.of(
            "A cat is sleeping on the sofa.",
            "A kitten naps on the couch.",
            "The stock market fell sharply today.",
            "Share prices dropped at the close of trading.",
            "He is cooking pasta for dinner.",
            "She bakes bread every Sunday morning.",
            "The train to Berlin is delayed by an hour.",
            "Our flight was cancelled because of the storm.");

    @Test
    void tenLabelsKeyedFastThroughTheQueueAreExactlyTheServersAfterAReload() throws Exception {
        ExplorerPage page = page();
        long id = page.createByPasting("Ten fast labels", SENTENCES);
        driver.findElement(By.id("queue-start")).click();
        page.waitUpTo(10).until(d -> d.findElement(By.id("queue-active")).isDisplayed());
        // focus stays on the page body so Enter and the letters reach the page, not a button
        driver.executeScript("document.activeElement.blur();");
        // ten key presses 40 ms apart, well inside a second and faster than the saves are answered. They are
        // dispatched in the page: WebDriver and DevTools key input each take about 100 ms a key on this machine.
        Object keyedMs = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const keys = 'sdsdsdsdsd'; const t0 = performance.now();"
                        + "keys.split('').forEach((k, n) => setTimeout(() => {"
                        + "  document.body.dispatchEvent(new KeyboardEvent('keydown', {key: k, bubbles: true, cancelable: true}));"
                        + "  document.body.dispatchEvent(new KeyboardEvent('keyup', {key: k, bubbles: true}));"
                        + "  if (n === keys.length - 1) done(performance.now() - t0);"
                        + "}, 40 * n));");
        System.out.printf("labelling.keys.ten.ms=%.0f%n", ((Number) keyedMs).doubleValue());
        page.waitUpTo(30).until(d -> page.pendingSaves() == 0);
        Map<String, Integer> onPage = page.labelsOnPage();
        assertThat(onPage).hasSize(10);
        assertThat(page.labelsViaApi(id)).isEqualTo(onPage);

        driver.navigate().refresh();
        page.waitForHeatmap();
        assertThat(page.labelsOnPage()).isEqualTo(page.labelsViaApi(id));
        assertThat(driver.findElement(By.id("label-count")).getText()).isEqualTo("10");
    }

    @Test
    void aFailedSaveIsShownRevertedAndRetried() throws Exception {
        ExplorerPage page = page();
        long id = page.createByPasting("Failing save", SENTENCES);
        int n = SENTENCES.size();
        FAIL_NEXT_LABEL_PUTS.set(1);
        page.clickCell(0, 1, n);
        new Actions(driver).sendKeys("s").perform();
        page.waitUpTo(30).until(d -> d.findElement(By.id("save-failures")).isDisplayed());
        assertThat(driver.findElement(By.id("failure-list")).getText())
                .contains("Label for #0 and #1 not saved").contains("The test refused this write.");
        assertThat(page.labelsOnPage()).doesNotContainKey("0,1");

        // a later success elsewhere does not hide the failure
        page.clickCell(2, 3, n);
        new Actions(driver).sendKeys("d").perform();
        page.waitForServer(id, labels -> Integer.valueOf(-1).equals(labels.get("2,3")));
        assertThat(driver.findElement(By.id("save-failures")).isDisplayed()).isTrue();
        assertThat(page.labelsViaApi(id)).doesNotContainKey("0,1");

        driver.findElement(By.cssSelector("#failure-list button.retry")).click();
        page.waitForServer(id, labels -> Integer.valueOf(1).equals(labels.get("0,1")));
        page.waitUpTo(10).until(d -> !d.findElement(By.id("save-failures")).isDisplayed());
        assertThat(page.labelsOnPage()).isEqualTo(page.labelsViaApi(id));
    }

    @Test
    void aPairIsLabelledWithTheKeyboardAlone() throws Exception {
        ExplorerPage page = page();
        long id = page.createByPasting("Keyboard only", SENTENCES);
        page.tabTo("overlay");
        new Actions(driver).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_DOWN).perform();
        assertThat(driver.findElement(By.id("cursor-info")).getText()).startsWith("Cursor: row #1, column #2, cosine");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        assertThat(driver.findElement(By.id("sel-a")).getText()).isEqualTo(SENTENCES.get(1));
        assertThat(driver.findElement(By.id("selection-active")).isDisplayed()).isTrue();
        new Actions(driver).sendKeys("d").perform();
        page.waitForServer(id, labels -> Map.of("1,2", -1).equals(labels));
        // a held key does not label pair after pair: the router ignores auto-repeat
        driver.executeScript("document.dispatchEvent(new KeyboardEvent('keydown', {key: 's', repeat: true, bubbles: true}));");
        assertThat(page.labelsOnPage()).isEqualTo(Map.of("1,2", -1));
        BrowserSession.screenshot(driver, "keyboard-cursor");
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationOnTheHomeAndDatasetPages() throws Exception {
        ExplorerPage page = page();
        long id = page.createByPasting("Accessibility", SENTENCES);
        page.clickCell(0, 1, SENTENCES.size());
        new Actions(driver).sendKeys("s").perform();
        page.waitForServer(id, labels -> labels.size() == 1);
        driver.findElement(By.id("queue-start")).click();
        page.waitUpTo(30).until(d -> !d.findElement(By.id("m-pairs")).getText().startsWith("—"));
        assertThat(page.seriousAccessibilityViolations()).as("dataset page").isEmpty();

        driver.get(page.url("/"));
        assertThat(page.seriousAccessibilityViolations()).as("home page").isEmpty();
    }
}

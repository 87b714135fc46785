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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Labelling in a real headless Chromium against the running app (real model, fresh H2): fast keyed labels end
 * as the server's, a failed save is shown and retried, the keyboard alone labels a pair, and axe-core finds no
 * serious or critical violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LabellingBrowserIT extends BrowserTest {

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
        // dispatched in the page: WebDriver and DevTools key input are each too slow a key for that.
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

    @Test
    void importedLabelsShowTheirConflictAndTheQueueOffersImpliedPairs() throws Exception {
        ExplorerPage page = page();
        long id = page.createByPasting("Conflicts", SENTENCES);
        // A~B, B~C and A≁C, plus C~D: the dissimilar label closes a chain of similar ones
        Path csv = Files.createTempFile("labels", ".csv");
        Files.writeString(csv, "i,j,label\n0,1,1\n1,2,1\n0,2,-1\n2,3,1\n");
        driver.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        page.waitUpTo(30).until(d -> d.findElement(By.id("label-count")).getText().equals("4"));
        page.waitUpTo(30).until(d -> !d.findElements(By.cssSelector("#conflict-list li")).isEmpty());
        assertThat(driver.findElement(By.id("conflict-list")).getText()).contains("#0 \u2260 #2, yet #0 ~ #1 ~ #2");
        assertThat(driver.findElement(By.id("consistency-summary")).getText()).startsWith("Conflicts: 1. Unlabelled pairs implied by similar labels (offered first in the queue): 2.");
        BrowserSession.screenshot(driver, driver.findElement(By.id("consistency-panel")), "conflicts");

        driver.findElement(By.id("review-conflicts")).click();
        assertThat(driver.findElement(By.id("review-conflicts")).getAttribute("aria-pressed")).isEqualTo("true");
        List<org.openqa.selenium.WebElement> rows = driver.findElements(By.cssSelector("#review-list li"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains(SENTENCES.get(0)).contains(SENTENCES.get(2)).contains("joined by #0 ~ #1 ~ #2");
        driver.findElement(By.id("review-all")).click();
        assertThat(driver.findElements(By.cssSelector("#review-list li"))).hasSize(4);
        BrowserSession.screenshot(driver, driver.findElement(By.id("review-panel")), "review-list");

        // the queue offers the shortest implied pair first, for the user to confirm or deny
        driver.findElement(By.id("queue-start")).click();
        page.waitUpTo(10).until(d -> d.findElement(By.id("queue-reason")).getText().startsWith("Implied by your labels"));
        assertThat(driver.findElement(By.id("queue-i")).getText() + driver.findElement(By.id("queue-j")).getText())
                .isEqualTo("#1#3");
        assertThat(driver.findElement(By.id("queue-reason")).getText()).contains("#1 ~ #2 ~ #3");
        driver.findElement(By.id("queue-stop")).click();

        // flipping the conflicting label from the list settles it
        driver.findElement(By.cssSelector("#review-list li[data-pair='0,2'] .review-flip")).click();
        page.waitForServer(id, labels -> Integer.valueOf(1).equals(labels.get("0,2")));
        page.waitUpTo(30).until(d -> d.findElements(By.cssSelector("#conflict-list li")).isEmpty());
        assertThat(driver.findElement(By.id("consistency-summary")).getText()).startsWith("Conflicts: 0.");
    }

    @Test
    void twoThousandPastedSentencesShowProgressThenSearchJumpsAndColoursDiverge() throws Exception {
        ExplorerPage page = page();
        List<String> sentences = GeneratedText.sentences(2000);
        driver.get(page.url("/"));
        driver.findElement(By.id("name")).sendKeys("Two thousand, pasted");
        driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id("sentences")),
                String.join("\n", sentences));
        long clickedAt = ((Number) driver.executeScript("return Date.now();")).longValue();
        driver.findElement(By.id("create-button")).click();
        // the bar shows a count of embedded sentences between none and all
        org.openqa.selenium.support.ui.WebDriverWait often = new org.openqa.selenium.support.ui.WebDriverWait(driver,
                java.time.Duration.ofSeconds(180), java.time.Duration.ofMillis(50));
        String[] seen = {""};
        often.until(d -> {
            Object shown = driver.executeScript("const b = document.getElementById('create-progress-bar');"
                    + "return b && !document.getElementById('create-progress').hidden && b.value > 0 && b.value < b.max"
                    + " ? document.getElementById('create-progress-text').textContent : null;");
            if (shown != null) {
                seen[0] = String.valueOf(shown);
            }
            return shown != null;
        });
        assertThat(seen[0]).matches("Embedding: \\d+ of 2000 sentences( · .+)?");
        BrowserSession.screenshot(driver, "create-progress");
        page.waitUpTo(180).until(d -> d.getCurrentUrl().matches(".*/datasets/\\d+$"));
        page.waitForHeatmap();
        double readyAt = ((Number) driver.executeScript("return performance.timeOrigin + window.heatmapReadyAt;")).doubleValue();
        System.out.printf("explorer.bench.paste-to-interactive.n2000.ms=%.0f%n", readyAt - clickedAt);
        String current = driver.getCurrentUrl();
        long id = Long.parseLong(current.substring(current.lastIndexOf('/') + 1));

        // search, then jump to a sentence's row
        String wanted = sentences.get(1234);
        driver.findElement(By.id("search-input")).sendKeys(wanted.substring(0, wanted.length() - 1).toUpperCase());
        page.waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#search-results button")).isEmpty());
        org.openqa.selenium.WebElement hit = driver.findElements(By.cssSelector("#search-results button")).stream()
                .filter(b -> b.getText().equals("#1234 " + wanted)).findFirst().orElseThrow();
        hit.click();
        assertThat(driver.findElement(By.id("zoom-info")).getText()).startsWith("rows");
        assertThat(driver.findElement(By.id("sel-a")).getText()).isEqualTo(wanted);
        assertThat(driver.findElement(By.id("neighbours-of")).getText()).contains(wanted);

        // marks zoomed out: label a few pairs, back to the full view, where cells are under a pixel
        String body = "[{\"i\":0,\"j\":1500,\"label\":1},{\"i\":300,\"j\":900,\"label\":-1},"
                + "{\"i\":1200,\"j\":1800,\"label\":1},{\"i\":700,\"j\":100,\"label\":-1}]";
        java.net.http.HttpResponse<String> put = ExplorerPage.HTTP.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(page.url("/api/datasets/" + id + "/labels"))).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        driver.navigate().refresh();
        page.waitForHeatmap();
        long blue = countOverlayPixels(0, 114, 178);
        long orange = countOverlayPixels(230, 159, 0);
        assertThat(blue).as("similar marks drawn at least 7 px wide").isGreaterThan(2 * 25);
        assertThat(orange).as("dissimilar marks drawn at least 7 px wide").isGreaterThan(2 * 25);
        BrowserSession.screenshot(driver, "marks-zoomed-out");

        driver.findElement(By.id("colours-diverging")).click();
        assertThat(driver.findElement(By.id("colours-diverging")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(driver.findElement(By.id("legend-text")).getText()).contains("diverging scale centred at 0");
        BrowserSession.screenshot(driver, "diverging-scale");
    }

    private long countOverlayPixels(int r, int g, int b) {
        Object count = driver.executeScript(
                "const c = document.getElementById('overlay');"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                        + "for (let k = 0; k < d.length; k += 4) if (d[k] === arguments[0] && d[k + 1] === arguments[1]"
                        + " && d[k + 2] === arguments[2] && d[k + 3] === 255) n++;"
                        + "return n;", r, g, b);
        return ((Number) count).longValue();
    }
}

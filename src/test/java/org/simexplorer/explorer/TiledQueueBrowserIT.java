package org.simexplorer.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The "Label next" queue on a tiled page (the tile threshold set below the dataset's size), in a real headless
 * Chromium with the real model: with no matrix rows in the browser, the queue shows the server's pairs near the
 * threshold, labels one, moves to another unlabelled pair, and in random mode shows a random pair.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "simexplorer.tiles.tiled-above=5")
class TiledQueueBrowserIT extends BrowserTest {

    @Test
    void theQueueOfATiledPageComesFromTheServerAndMovesOnAfterALabel() throws Exception {
        ExplorerPage page = page();
        long id = page.createByPasting("Tiled queue", LabellingBrowserIT.SENTENCES);
        assertThat(driver.executeScript("return document.querySelector('[data-tiled]')?.dataset.tiled")).isEqualTo("true");
        driver.findElement(By.id("queue-start")).click();
        page.waitUpTo(20).until(d -> d.findElement(By.id("queue-reason")).getText().startsWith("Near the threshold"));
        String first = shownPair();
        String[] ends = first.split(",");
        assertThat(driver.findElement(By.id("queue-a")).getText())
                .isEqualTo(LabellingBrowserIT.SENTENCES.get(Integer.parseInt(ends[0])));

        driver.findElement(By.id("queue-similar")).click();
        page.waitForServer(id, labels -> Map.of(first, 1).equals(labels));
        page.waitUpTo(20).until(d -> !shownPair().equals(first) && !shownPair().isEmpty());
        assertThat(page.labelsViaApi(id)).doesNotContainKey(shownPair());

        driver.findElement(By.id("queue-random")).click();
        page.waitUpTo(20).until(d -> d.findElement(By.id("queue-reason")).getText().startsWith("Drawn at random"));
        assertThat(page.labelsViaApi(id)).doesNotContainKey(shownPair());
    }

    /** The queue card's pair as "i,j" with i &lt; j. */
    private static String shownPair() {
        String i = driver.findElement(By.id("queue-i")).getText();
        String j = driver.findElement(By.id("queue-j")).getText();
        if (i.isEmpty() || j.isEmpty()) return "";
        int a = Integer.parseInt(i.substring(1));
        int b = Integer.parseInt(j.substring(1));
        return Math.min(a, b) + "," + Math.max(a, b);
    }
}

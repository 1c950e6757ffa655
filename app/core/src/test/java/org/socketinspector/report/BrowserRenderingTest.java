package org.socketinspector.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report as a reader sees it: rendered by headless Chromium, with and without scripts. */
class BrowserRenderingTest {

    @TempDir
    Path dir;

    private Path profile;

    @BeforeEach
    void needsChromium() throws Exception {
        assumeTrue(Chromium.available(), "no " + Chromium.BINARY + ": install chromium to render the HTML report");
        profile = Files.createDirectories(dir.resolve("profile"));
    }

    private Path html(String name, org.socketinspector.rules.Audit audit) throws Exception {
        Path file = dir.resolve(name);
        new ReportExporter(RuleDescriptions.fromFindings()).export(audit, List.of(), ReportOptions.of(ReportFormat.HTML), file);
        return file;
    }

    private static List<Integer> ports(String dom) {
        return Pattern.compile("<td class=\"num\" data-sort=\"(\\d+)\">\\d+</td><td>(?:LISTEN|ESTABLISHED|)</td>")
                .matcher(dom).results().map(m -> Integer.parseInt(m.group(1))).toList();
    }

    @Test
    void scriptsSortAndFilterTheSocketTableWithoutCspViolations() throws Exception {
        Path file = html("demo.html", ReportFixtures.demo());
        Chromium.Result result = Chromium.run(profile, file.toUri() + "#sort=port-desc&filter=tcp", "--dump-dom");

        assertThat(result.stdout()).contains("id=\"socket-filter\"").contains("aria-sort=\"descending\"");
        // Sorted by port, largest first; the UDP row is hidden by the filter, not removed.
        assertThat(ports(result.stdout())).containsExactly(8080, 5432, 5353, 22);
        assertThat(result.stdout()).contains("3 of 4 sockets shown");
        assertThat(result.stdout()).containsPattern("<tr data-index=\"\\d\" hidden=\"\">");
        assertThat(result.stderr()).doesNotContain("Content Security Policy")
                .doesNotContain("Uncaught");
    }

    @Test
    void withoutScriptsTheTableIsStillComplete() throws Exception {
        // Headless Chromium cannot dump a page with JavaScript switched off, so the script is blocked the way a
        // strict reader would block it: by the report's own CSP, after a change that no longer matches its hash.
        Path file = html("demo.html", ReportFixtures.demo());
        Path tampered = dir.resolve("tampered.html");
        Files.writeString(tampered, Files.readString(file).replace("<script>(function", "<script>/* changed */(function"));
        Chromium.Result result = Chromium.run(profile, tampered.toUri() + "#sort=port-desc", "--dump-dom");

        assertThat(result.stderr()).contains("violates the following Content Security Policy directive");
        assertThat(result.stdout()).doesNotContain("id=\"socket-filter\"").doesNotContain("aria-sort=\"");
        assertThat(ports(result.stdout())).containsExactly(22, 5432, 8080, 5353);
    }

    @Test
    void hostileStringsStayTextInTheBrowser() throws Exception {
        Path file = html("hostile.html", ReportFixtures.hostile());
        Chromium.Result result = Chromium.run(profile, file.toUri().toString(), "--dump-dom");
        assertThat(result.stdout()).doesNotContain("<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Pattern.compile("<script").matcher(result.stdout()).results().count()).isEqualTo(1);
        assertThat(result.stdout()).contains("10 of 10 sockets shown");
        assertThat(result.stderr()).doesNotContain("Content Security Policy").doesNotContain("Uncaught");
    }

    @Test
    void screenshotShowsTheReport() throws Exception {
        Path file = html("demo.html", ReportFixtures.demo());
        Path png = dir.resolve("demo.png");
        Chromium.run(profile, file.toUri().toString(), "--screenshot=" + png, "--window-size=1280,1600",
                "--hide-scrollbars");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        // The severity cards are painted: the high card's red is somewhere in the top part of the page.
        boolean red = false;
        for (int y = 0; y < 900 && !red; y += 2) {
            for (int x = 0; x < image.getWidth() && !red; x += 2) {
                red = image.getRGB(x, y) == 0xFFB3261E;
            }
        }
        assertThat(red).as("the high-severity card is painted in #b3261e").isTrue();
    }
}

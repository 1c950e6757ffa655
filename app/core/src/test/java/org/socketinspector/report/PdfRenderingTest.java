package org.socketinspector.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF as a reader sees it: pages, page numbers, a table of contents that points at the right pages. */
class PdfRenderingTest {

    @TempDir
    Path dir;

    private Path pdf(PageSize size) throws Exception {
        Path file = dir.resolve("demo-" + size + ".pdf");
        new ReportExporter(RuleDescriptions.fromFindings()).export(ReportFixtures.demo(), List.of(),
                new ReportOptions(ReportFormat.PDF, size, false, false, false), file);
        return file;
    }

    @Test
    void everyPageIsNumberedAndTheContentsGiveTheRightPages() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf(PageSize.A4).toFile())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(doc)).contains("Page " + page + " of " + pages);
            }
            stripper.setStartPage(1);
            stripper.setEndPage(pages);
            String text = stripper.getText(doc);
            Matcher toc = Pattern.compile("Sockets \\(4\\) \\.+ (\\d+)").matcher(text);
            assertThat(toc.find()).as("a TOC line with leader dots and a page number").isTrue();
            int socketsPage = Integer.parseInt(toc.group(1));
            stripper.setStartPage(socketsPage);
            stripper.setEndPage(socketsPage);
            assertThat(stripper.getText(doc)).contains("All 4 sockets of the scan");
            // Fonts are embedded, so the text renders the same everywhere.
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
        }
    }

    @Test
    void a4AndLetterPaper() throws Exception {
        try (PDDocument a4 = Loader.loadPDF(pdf(PageSize.A4).toFile());
             PDDocument letter = Loader.loadPDF(pdf(PageSize.LETTER).toFile())) {
            assertThat(a4.getPage(0).getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(letter.getPage(0).getMediaBox().getWidth()).isCloseTo(PDRectangle.LETTER.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(letter.getPage(0).getMediaBox().getHeight()).isCloseTo(PDRectangle.LETTER.getHeight(), org.assertj.core.data.Offset.offset(1f));
        }
    }

    @Test
    void pdftoppmRendersTheFirstPageWithTheSeverityCards() throws Exception {
        Path pdftoppm = Path.of("/usr/bin/pdftoppm");
        assumeTrue(Files.isExecutable(pdftoppm), "no /usr/bin/pdftoppm (poppler-utils) to render the PDF");
        Path file = pdf(PageSize.A4);
        Process p = new ProcessBuilder(pdftoppm.toString(), "-r", "50", "-png", "-f", "1", "-l", "1",
                file.toString(), dir.resolve("page").toString()).redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).isZero();
        Path png;
        try (var files = Files.list(dir)) {
            png = files.filter(f -> f.getFileName().toString().startsWith("page") && f.toString().endsWith(".png"))
                    .findFirst().orElseThrow();
        }
        BufferedImage image = ImageIO.read(png.toFile());
        // A4 at 50 dpi is 413 x 585 pixels.
        assertThat(image.getWidth()).isBetween(410, 416);
        long red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                int r = rgb >> 16, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                if (r > 150 && g < 70 && b < 70) {
                    red++;
                }
            }
        }
        assertThat(red).as("pixels of the red high-severity card").isGreaterThan(200);
    }
}

package org.socketinspector.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.util.Locale;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Lays the report's HTML ({@link HtmlReport.Medium#PDF}) out on A4 or Letter pages with openhtmltopdf. The bundled
 * DejaVu fonts are embedded (subset), so any text a process reports renders as text. Dates and the document id
 * come from the input, never from the clock, so the same report gives the same bytes.
 */
public final class PdfReport {

    /** Held so that the level set below is not lost when the logger is garbage-collected. */
    private static final Logger PDFBOX_LOG = Logger.getLogger("org.apache.pdfbox");

    static {
        // openhtmltopdf logs every CSS property it does not know, and PDFBox every base-14 font it substitutes
        // (we embed our own), through java.util.logging to stderr; the command line must stay quiet.
        XRLog.setLoggingEnabled(false);
        PDFBOX_LOG.setLevel(Level.SEVERE);
    }

    private final PageSize pageSize;
    private final PdfLimits limits;

    public PdfReport(PageSize pageSize) {
        this(pageSize, PdfLimits.DEFAULT);
    }

    /** With {@code limits} on what a large report shows ({@link PdfLimits}; the PDF says what it leaves out). */
    public PdfReport(PageSize pageSize, PdfLimits limits) {
        this.pageSize = pageSize;
        this.limits = limits;
    }

    public void write(Report report, OutputStream out) throws IOException {
        StringWriter html = new StringWriter();
        new HtmlReport(HtmlReport.Medium.PDF, pageSize, limits).write(report, html);
        render(html.toString(), "Socket Inspector report: " + report.header().host(), report.header().collectedAt(), out);
    }

    /** Renders well-formed XHTML written with {@link HtmlReport.Medium#PDF}. */
    static void render(String xhtml, String title, Instant time, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withProducer("socket-inspector with openhtmltopdf");
        font(builder, "DejaVuSans.ttf", "DejaVu Sans", 400);
        font(builder, "DejaVuSans-Bold.ttf", "DejaVu Sans", 700);
        font(builder, "DejaVuSansMono.ttf", "DejaVu Sans Mono", 400);
        builder.withHtmlContent(xhtml, null);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            // Keep the document open to replace what openhtmltopdf takes from the clock before saving.
            PDDocument document = renderer.createPDFKeepOpen();
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("socket-inspector");
            Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            calendar.setTimeInMillis(time == null ? 0 : time.toEpochMilli());
            info.setCreationDate(calendar);
            info.setModificationDate(null);
            byte[] id = Arrays.copyOf(sha256(xhtml), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            document.save(out);
            document.close();
        }
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight) {
        builder.useFont(() -> Resources.open("fonts/" + file), family, weight, FontStyle.NORMAL, true);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package org.socketinspector.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socketinspector.json.ScanJson;

/**
 * The format registry (issue 19 item 5): every constant has a writer that writes something, for one host and for a
 * fleet, to a stream and to a file; its label, extensions and binary-ness are what the CLI and the GUI show.
 */
class ReportFormatTest {

    @TempDir
    Path dir;

    @Test
    void theLabelTheCliShowsListsEveryFormatInOrder() {
        assertThat(ReportFormat.LABEL).isEqualTo(String.join("|", ReportFormat.wireNames()));
        assertThat(ReportFormat.choices()).isEqualTo("html, pdf, csv or json");
        assertThat(new ReportFormat.Names()).containsExactlyElementsOf(ReportFormat.wireNames());
    }

    @Test
    void namesRoundTripAndAnUnknownNameListsTheChoices() {
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(ReportFormat.fromWireName(" " + f.wireName().toUpperCase(java.util.Locale.ROOT) + " ")).isSameAs(f);
        }
        assertThatThrownBy(() -> ReportFormat.fromWireName("docx"))
                .hasMessage("expected " + ReportFormat.choices() + ", found 'docx'");
    }

    @Test
    void extensionsBelongToOneFormatEach() {
        Set<String> seen = new HashSet<>();
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(f.extensions()).first().isEqualTo(f.extension());
            f.extensions().forEach(ext -> assertThat(seen.add(ext)).as(ext + " claimed twice").isTrue());
        }
        assertThat(ReportFormat.CSV.extensions()).containsExactly("zip", "csv");
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void everyFormatWritesOneHostToAStreamAndAFile(ReportFormat format) throws IOException {
        ReportExporter exporter = new ReportExporter(RuleDescriptions.fromFindings());
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        exporter.export(ReportFixtures.demo(), List.of(), ReportOptions.of(format), stream);
        assertThat(stream.size()).isPositive();
        assertThat(isUtf8Text(stream.toByteArray())).as("text output").isEqualTo(!format.binary());

        List<Path> written = exporter.export(ReportFixtures.demo(), List.of(), ReportOptions.of(format),
                dir.resolve("one." + format.extension()));
        assertThat(written).isNotEmpty().allSatisfy(p -> assertThat(Files.size(p)).isPositive());
        // To a file of its default extension, a format writes exactly what it writes to a stream.
        assertThat(written).hasSize(1);
        assertThat(Files.readAllBytes(written.get(0))).isEqualTo(stream.toByteArray());
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void everyFormatWritesAFleet(ReportFormat format) throws IOException {
        Path a = dir.resolve("a.json");
        Files.writeString(a, ScanJson.write(ReportFixtures.demo()));
        Fleet fleet = Fleet.scan(List.of(a), p -> {
            try {
                return ScanJson.read(Files.readString(p));
            } catch (ScanJson.InvalidJsonException e) {
                throw new IOException(e.getMessage(), e);
            }
        }, new ReportExporter(RuleDescriptions.fromFindings()), ReportOptions.of(format));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        new FleetReport(fleet, ReportOptions.of(format)).write(stream);
        assertThat(stream.size()).isPositive();
        assertThat(isUtf8Text(stream.toByteArray())).isEqualTo(!format.binary());
        List<Path> written = new FleetReport(fleet, ReportOptions.of(format)).write(dir.resolve("fleet." + format.extension()));
        assertThat(written).singleElement().satisfies(p -> assertThat(Files.readAllBytes(p)).isEqualTo(stream.toByteArray()));
    }

    @Test
    void csvUnderItsOtherExtensionWritesTheTwoTablesBesideIt() throws IOException {
        List<Path> written = new ReportExporter(RuleDescriptions.fromFindings()).export(ReportFixtures.demo(), List.of(),
                ReportOptions.of(ReportFormat.CSV), dir.resolve("r.csv"));
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("r-sockets.csv", "r-findings.csv");
    }

    /** UTF-8 without NUL or other C0 controls than tab, CR and LF: what a terminal may be given as text. */
    private static boolean isUtf8Text(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\r' && c != '\n');
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

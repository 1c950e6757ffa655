package org.socketinspector.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.report.ReportFormat;
import org.socketinspector.ui.Fixtures;

/** The export dialog's state without a window, exporting the lab audit for real. */
class ExportViewModelTest {

    @TempDir
    Path dir;

    private static final Executor NOW = Runnable::run;

    private ExportViewModel model() {
        return new ExportViewModel(List.of(new ExportViewModel.Scope("Lab", () -> Optional.of(Fixtures.labAudit()))),
                () -> {
                    throw new IllegalStateException("no history in this test");
                }, dir, NOW, NOW);
    }

    @Test
    void theDefaultFileFollowsTheFormat() {
        ExportViewModel model = model();
        assertThat(model.outputProperty().get()).startsWith(dir.toString()).endsWith(".html");
        for (ReportFormat format : ReportFormat.values()) {
            model.formatProperty().set(format);
            assertThat(model.outputProperty().get()).as(format.wireName()).endsWith("." + format.extension());
        }
        model.formatProperty().set(ReportFormat.CSV);
        assertThat(model.outputProperty().get()).endsWith(".zip");
        for (ReportFormat format : ReportFormat.values()) { // a name typed with any format's extension follows too
            for (String ext : format.extensions()) {
                model.outputProperty().set(dir.resolve("typed." + ext).toString());
                model.formatProperty().set(ReportFormat.JSON);
                assertThat(model.outputProperty().get()).as(ext).endsWith("typed.json");
                model.formatProperty().set(ReportFormat.HTML);
            }
        }
        model.outputProperty().set(dir.resolve("custom.name").toString());
        model.formatProperty().set(ReportFormat.JSON);
        assertThat(model.outputProperty().get()).endsWith("custom.name");
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void aMissingFolderOrAFolderAsFileIsRefused() {
        ExportViewModel model = model();
        model.outputProperty().set(dir.resolve("no/such/folder/report.html").toString());
        assertThat(model.problems()).anyMatch(p -> p.contains("does not exist"));
        assertThat(model.export(NOW, NOW)).isFalse();
        model.outputProperty().set(dir.toString());
        assertThat(model.problems()).anyMatch(p -> p.contains("is a folder"));
        model.outputProperty().set(" ");
        assertThat(model.problems()).containsExactly("Choose the file to write.");
        assertThat(new ExportViewModel(List.of(), () -> null, dir, NOW, NOW).problems()).anyMatch(p -> p.startsWith("Nothing to export yet"));
    }

    @Test
    void exportsTheChosenScopeWithTheReportApi() throws Exception {
        ExportViewModel model = model();
        Path html = dir.resolve("lab.html");
        model.outputProperty().set(html.toString());
        model.redactProperty().set(true);

        assertThat(model.export(NOW, NOW)).isTrue();
        assertThat(model.messageProperty().get()).startsWith("Wrote ");
        assertThat(model.writtenProperty().get()).containsExactly(html);
        assertThat(Files.readString(html)).contains("lab-host").contains("LINUX-REUSEPORT-GROUP");

        model.formatProperty().set(ReportFormat.CSV);
        assertThat(model.export(NOW, NOW)).isTrue();
        assertThat(model.writtenProperty().get()).singleElement().asString().endsWith("lab.zip");
    }

    @Test
    void theFolderIsCheckedInTheBackgroundAndAgainWhenExporting() {
        List<Runnable> checks = new java.util.ArrayList<>();
        ExportViewModel model = new ExportViewModel(List.of(new ExportViewModel.Scope("Lab", () -> Optional.of(Fixtures.labAudit()))),
                () -> null, dir, checks::add, NOW);
        checks.clear();
        model.outputProperty().set(dir.resolve("gone/report.html").toString());
        assertThat(model.problems()).as("nothing read on the calling thread").isEmpty();
        assertThat(checks).hasSize(1);

        // The export starts before the check answered: it checks again in the background and refuses.
        assertThat(model.export(NOW, NOW)).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo("Export failed: The folder " + dir.resolve("gone") + " does not exist.");
        checks.forEach(Runnable::run);
        assertThat(model.problems()).containsExactly("The folder " + dir.resolve("gone") + " does not exist.");
    }

    @Test
    void aFailedExportSaysWhy() {
        ExportViewModel model = new ExportViewModel(List.of(new ExportViewModel.Scope("Gone", Optional::empty)),
                () -> null, dir, NOW, NOW);
        assertThat(model.export(NOW, NOW)).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo("Export failed: Gone is no longer available");
        assertThat(model.runningProperty().get()).isFalse();
    }
}

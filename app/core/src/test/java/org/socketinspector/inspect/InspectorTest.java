package org.socketinspector.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.history.HistoryId;
import org.socketinspector.input.InputLimits;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;
import org.socketinspector.rules.RuleEngine;
import org.socketinspector.store.HistoryStore;

/** The inspection service on files and snapshots: what each target gives, and the one-line errors of bad files. */
class InspectorTest {

    @TempDir
    Path dir;

    private final AtomicInteger ruleRuns = new AtomicInteger();
    private final Inspector inspector = Inspector.ofFiles(scan -> {
        ruleRuns.incrementAndGet();
        return RuleEngine.audit(scan).findings();
    });

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(InspectorTest.class.getResource(name).toURI());
    }

    private static List<String> rules(Audit audit) {
        return audit.findings().stream().map(Finding::rule).toList();
    }

    /** The GUI's loader used to re-audit a saved audit without findings: it is shown as saved, wherever it is read. */
    @Test
    void aSavedAuditWithZeroFindingsIsReportedAsSaved() throws Exception {
        Path saved = fixture("windows-audit-v1-no-findings.json");
        for (Target target : List.of(Target.CaptureFile.of(saved), Target.Document.of(saved))) {
            Inspection inspection = inspector.inspect(target);
            assertThat(inspection.origin()).as(target.toString()).isEqualTo(Inspection.Origin.SAVED_AUDIT);
            assertThat(inspection.saved()).isTrue();
            assertThat(inspection.audit().findings()).as("as saved: none").isEmpty();
            assertThat(inspection.audit().scan().sockets()).hasSize(2);
        }
        assertThat(ruleRuns).as("the rules never ran").hasValue(0);

        // audit --input asks this build's rules again: the shared port 8000 is then found
        Inspection again = inspector.inspect(new Target.CaptureFile(saved, null, false, InputLimits.DEFAULT,
                Target.SavedFindings.RECOMPUTE));
        assertThat(again.origin()).isEqualTo(Inspection.Origin.DOCUMENT);
        assertThat(again.saved()).isFalse();
        assertThat(rules(again.audit())).contains("WIN-REUSEADDR-SHARED");
    }

    @Test
    void aScanDocumentIsAuditedAndACaptureReadOneSaysItWasImported() throws Exception {
        Path scan = fixture("windows-scan-v1.json");
        Inspection asCapture = inspector.inspect(Target.CaptureFile.of(scan));
        Inspection asDocument = inspector.inspect(Target.Document.of(scan));
        for (Inspection i : List.of(asCapture, asDocument)) {
            assertThat(i.origin()).isEqualTo(Inspection.Origin.DOCUMENT);
            assertThat(rules(i.audit())).contains("WIN-REUSEADDR-SHARED");
            assertThat(i.incomplete()).as("a document is never 'incomplete'").isEmpty();
        }
        assertThat(asCapture.audit().scan().sources()).endsWith("import:json");
        assertThat(asDocument.audit().scan().sources()).containsExactly("iphlpapi", "probe");
    }

    @Test
    void aTextCaptureIsAuditedAndNamedAfterItsFile() throws Exception {
        Inspection i = inspector.inspect(Target.CaptureFile.of(fixture("linux-netstat.txt")));
        assertThat(i.origin()).isEqualTo(Inspection.Origin.CAPTURE);
        assertThat(i.audit().scan().host().name()).isEqualTo("linux-netstat");
        assertThat(i.audit().scan().sockets()).hasSize(2);
        assertThat(rules(i.audit())).contains("OPTIONS-UNKNOWN", "LOCALHOST-FAMILY-SHADOW");
        assertThat(i.incomplete()).as("a capture carries no options by nature").isEmpty();
        assertThat(i.audit().scan().limitations()).contains("collectedAt is the capture file's modification time");
    }

    /** The exit-5 decision: only a live audit with sockets whose options or owner could not be read is incomplete. */
    @Test
    void onlyALiveAuditWithUnreadableSocketsIsIncomplete() throws Exception {
        Audit withUnknown = inspector.inspect(Target.CaptureFile.of(fixture("linux-netstat.txt"))).audit();
        Inspection live = new Inspection(withUnknown, Inspection.Origin.THIS_MACHINE);
        assertThat(live.incomplete()).hasValue(new Inspection.Incomplete(2, false));
        assertThat(live.incomplete().orElseThrow().describe())
                .isEqualTo("the options or owner of 2 sockets could not be read (run as root), so findings may be missing");
        assertThat(new Inspection.Incomplete(1, true).describe())
                .isEqualTo("the options or owner of 1 socket could not be read, so findings may be missing");
        for (Inspection.Origin other : List.of(Inspection.Origin.CAPTURE, Inspection.Origin.DOCUMENT,
                Inspection.Origin.SAVED_AUDIT, Inspection.Origin.SNAPSHOT)) {
            assertThat(new Inspection(withUnknown, other).incomplete()).as(other.name()).isEmpty();
        }
        Audit complete = inspector.inspect(Target.Document.of(fixture("windows-scan-v1.json"))).audit();
        assertThat(new Inspection(complete, Inspection.Origin.THIS_MACHINE).incomplete()).isEmpty();
    }

    @Test
    void aSnapshotComesWithTheFindingsItWasSavedWith() throws Exception {
        Audit saved = new Audit(inspector.inspect(Target.Document.of(fixture("windows-scan-v1.json"))).audit().scan(),
                List.of()); // saved with none: not audited again
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            HistoryId id = store.saveSnapshot(saved);
            int before = ruleRuns.get();
            Inspection i = inspector.inspect(new Target.Snapshot(store, id));
            assertThat(i.origin()).isEqualTo(Inspection.Origin.SNAPSHOT);
            assertThat(i.audit().findings()).isEmpty();
            assertThat(ruleRuns).hasValue(before);
            assertThatThrownBy(() -> inspector.inspect(new Target.Snapshot(store, HistoryId.snapshot(99))))
                    .isInstanceOf(InspectException.class).hasMessage("no snapshot S99 in " + store.file());
        }
    }

    @Test
    void aBaselineSuppressesAndABadEntryIsNamed() throws Exception {
        Path baseline = Files.writeString(dir.resolve("b.json"),
                "[{\"rule\": \"WIN-REUSEADDR-SHARED\", \"port\": 8000, \"process\": \"python.exe\"}]");
        Inspection i = inspector.inspect(Target.Document.of(fixture("windows-scan-v1.json")))
                .with(Baselines.read(baseline));
        assertThat(i.audit().findings()).filteredOn(f -> f.rule().equals("WIN-REUSEADDR-SHARED"))
                .isNotEmpty().allMatch(Finding::suppressed);

        Path bad = Files.writeString(dir.resolve("bad.json"), "[{\"rule\": \"X\", \"port\": 70000}]");
        assertThatThrownBy(() -> Baselines.read(bad)).isInstanceOf(InspectException.class)
                .hasMessage(bad + ": entry $[0]: field \"port\": 70000 is not a port (0 to 65535)");
        Path notAList = Files.writeString(dir.resolve("obj.json"), "{}");
        assertThatThrownBy(() -> Baselines.read(notAList)).hasMessageStartingWith(notAList
                + ": not a baseline (a JSON list of {\"rule\", \"port\", \"process\"}): ");
    }

    /** Bad files: one line naming the file and the reason, whichever target reads them. */
    @Test
    void badFilesAreOneLineNamingTheFile() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        Path truncated = Files.writeString(dir.resolve("t.json"), "{\"schema\": \"socket-inspector/scan/1\",");
        Path latin1 = Files.write(dir.resolve("l.json"), "{\"host\": \"M\u00fcnchen\"}".getBytes(StandardCharsets.ISO_8859_1));
        Path big = Files.writeString(dir.resolve("big.json"), "{\"schema\": \"socket-inspector/scan/1\", \"x\": \""
                + "a".repeat(300) + "\"}");
        InputLimits small = InputLimits.JSON.withMaxBytes(200);

        assertThat(message(Target.CaptureFile.of(empty))).startsWith(empty + ": not a capture this tool knows");
        assertThat(message(Target.Document.of(empty))).startsWith(empty + ": expected a JSON object with \"schema\"");
        for (Target t : List.of(Target.CaptureFile.of(truncated), Target.Document.of(truncated))) {
            assertThat(message(t)).startsWith(truncated + ": line 1, column ");
        }
        for (Target t : List.of(Target.CaptureFile.of(latin1), Target.Document.of(latin1))) {
            assertThat(message(t)).isEqualTo(latin1 + ": not valid UTF-8 at byte 11 (JSON input must be UTF-8)");
        }
        for (Target t : List.of(new Target.CaptureFile(big, null, false, InputLimits.DEFAULT.withMaxBytes(200),
                Target.SavedFindings.KEEP), new Target.Document(big, small, Target.SavedFindings.KEEP))) {
            assertThat(message(t)).as(t.toString()).isEqualTo(big + ": larger than the limit of 200 bytes");
        }
        assertThat(message(Target.CaptureFile.of(dir.resolve("missing.json"))))
                .isEqualTo(dir.resolve("missing.json") + ": no such file");
        assertThat(message(Target.Document.of(dir))).isEqualTo(dir + ": is a directory, not a file");
    }

    @Test
    void aFifoNobodyWritesToEndsAfterTheIdleTimeout() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "needs mkfifo");
        // One FIFO per read: after a timeout the reader releases its blocked open by opening the FIFO for writing,
        // which may happen only when the next reader of the same FIFO arrives, and that one would then see an end.
        Path capture = silentFifo("silent-capture.fifo");
        Path document = silentFifo("silent-document.fifo");
        InputLimits oneSecond = InputLimits.DEFAULT.withIdleTimeout(Duration.ofSeconds(1));
        assertThat(message(new Target.CaptureFile(capture, null, false, oneSecond, Target.SavedFindings.KEEP)))
                .isEqualTo(capture + ": nobody opened it for writing within 1 s (a FIFO without a writer?)");
        assertThat(message(new Target.Document(document, InputLimits.JSON.withIdleTimeout(Duration.ofSeconds(1)),
                Target.SavedFindings.KEEP)))
                .isEqualTo(document + ": nobody opened it for writing within 1 s (a FIFO without a writer?)");
    }

    private Path silentFifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process mk = new ProcessBuilder("/usr/bin/mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return fifo;
    }

    @Test
    void aFileInspectorDoesNotScanThisMachine() {
        assertThatThrownBy(() -> inspector.inspect(new Target.ThisMachine(org.socketinspector.collect.Source.AUTO,
                org.socketinspector.collect.ScanRequest.LISTENERS)))
                .isInstanceOf(org.socketinspector.collect.CollectionException.class).hasMessageContaining("files only");
    }

    private String message(Target target) {
        try {
            inspector.inspect(target);
        } catch (InspectException e) {
            assertThat(e.getMessage()).as("one line").doesNotContain("\n").doesNotContain("Exception");
            return e.getMessage();
        } catch (RuntimeException e) {
            throw new AssertionError(target + " threw " + e, e);
        }
        throw new AssertionError(target + " was read");
    }

}

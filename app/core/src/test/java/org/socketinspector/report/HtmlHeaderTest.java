package org.socketinspector.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketinspector.model.Scan;
import org.socketinspector.rules.Audit;

/** The report's header never claims more visibility than the scan had. */
class HtmlHeaderTest {

    @TempDir
    Path dir;

    @Test
    void aPrivilegedScanWithLimitationsDoesNotClaimEverythingWasVisible() throws Exception {
        Audit demo = ReportFixtures.demo();
        Scan s = demo.scan();
        Scan limited = new Scan(s.schema(), s.tool(), s.host(), s.collectedAt(), true, s.sources(),
                List.of("owner unknown for 1 socket: owner in another PID namespace"), s.sockets());

        assertThat(html(demo)).contains("yes: every owner and option visible");
        assertThat(html(new Audit(limited, demo.findings())))
                .doesNotContain("every owner and option visible")
                .contains("yes, but not everything was visible (see Limitations)")
                .contains("owner in another PID namespace");
    }

    private String html(Audit audit) throws Exception {
        Path out = Files.createTempFile(dir, "report", ".html");
        new ReportExporter(RuleDescriptions.fromFindings()).export(audit, List.of(), ReportOptions.of(ReportFormat.HTML), out);
        return Files.readString(out);
    }
}

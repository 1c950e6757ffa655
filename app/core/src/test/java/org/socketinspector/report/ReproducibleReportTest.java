package org.socketinspector.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Finding;

/** Same input, same bytes: no clock, stable orders, whatever order the collector listed things in. */
class ReproducibleReportTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void sameAuditInAnyOrderGivesIdenticalBytes(ReportFormat format) throws IOException {
        Audit audit = ReportFixtures.demo();
        List<SocketRecord> sockets = new ArrayList<>(audit.scan().sockets());
        Collections.reverse(sockets);
        List<Finding> findings = new ArrayList<>(audit.findings());
        Collections.reverse(findings);
        Audit shuffled = new Audit(audit.scan().withSockets(sockets), findings);

        ReportExporter exporter = new ReportExporter(RuleDescriptions.fromFindings());
        Path first = dir.resolve("first." + format.extension());
        Path second = dir.resolve("second." + format.extension());
        exporter.export(audit, List.of(), ReportOptions.of(format), first);
        // Every format, JSON too: the JSON report is written in the report's order (it was the input's order).
        exporter.export(shuffled, List.of(), ReportOptions.of(format), second);

        assertThat(Files.size(first)).isPositive();
        assertThat(Files.mismatch(first, second)).as("first differing byte").isEqualTo(-1L);
    }

    @Test
    void findingsAreOrderedMostSevereFirstAndSocketsByProtocolAndPort() {
        Report report = new ReportBuilder(RuleDescriptions.fromFindings()).build(ReportFixtures.demo(), List.of());
        assertThat(report.findings()).extracting(f -> f.finding().severity().wireName())
                .containsExactly("high", "medium", "low");
        assertThat(report.sockets()).extracting(s -> s.protocol().wireName() + ":" + s.localPort())
                .containsExactly("tcp:22", "tcp:5432", "tcp:8080", "udp:5353");
        assertThat(report.summary().count(org.socketinspector.rules.Severity.HIGH)).isEqualTo(1);
        assertThat(report.summary().topRiskyPorts()).extracting(Report.RiskyPort::port).containsExactly(8080, 5432, 5353);
        assertThat(report.summary().listenersPerProcess()).hasSize(4);
    }
}

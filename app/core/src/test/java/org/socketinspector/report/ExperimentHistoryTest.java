package org.socketinspector.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.socketinspector.collect.Platforms;
import org.socketinspector.experiment.CancelToken;
import org.socketinspector.experiment.LabReplay;
import org.socketinspector.experiment.ProbeRecord;
import org.socketinspector.experiment.ProbeRequest;
import org.socketinspector.experiment.ReplayRequest;
import org.socketinspector.experiment.ReplayResult;
import org.socketinspector.experiment.ThisMachine;
import org.socketinspector.history.ExperimentRecord;
import org.socketinspector.history.HistoryId;
import org.socketinspector.history.RunSummary;
import org.socketinspector.json.Json;
import org.socketinspector.lesson.ReplayPreset;
import org.socketinspector.model.OsKind;
import org.socketinspector.model.ProbeResult;
import org.socketinspector.model.Protocol;
import org.socketinspector.rules.Finding;

/** The experiments side writes ProbeRecords into the history; the report reads them back as verdicts on findings. */
class ExperimentHistoryTest {

    private static final Instant T = Instant.parse("2026-11-25T12:30:00Z");

    private static ProbeRecord probe(String address, int port, boolean confirms) {
        ProbeRequest request = new ProbeRequest(Protocol.TCP, address, port, address, Set.of(), 1000, false, null, null);
        return new ProbeRecord("probe", request, 1000, new ProbeResult(address, "SO_REUSEPORT", confirms,
                confirms ? null : "EADDRINUSE", confirms ? 0 : 98), null, null, "LINUX-REUSEPORT-GROUP", confirms,
                "a process of alice could take connections", List.of(), "demo-host", "0.1.0", T, T.plusSeconds(1));
    }

    private static ExperimentSummary read(ProbeRecord record, long id) throws Exception {
        RunSummary run = new RunSummary(HistoryId.experiment(id), record.kind(), record.title(), record.started(),
                record.ended(), record.host(), record.toolVersion(), record.agrees(), record.outcomeLine());
        return ExperimentHistory.summary(run, Json.mapper().writeValueAsString(record)).orElseThrow();
    }

    @Test
    void aStoredProbeRecordBecomesAVerdictOnTheFindingItTested() throws Exception {
        ExperimentSummary confirmed = read(probe("127.0.0.1", 8080, true), 12);
        ExperimentSummary refuted = read(probe("127.0.0.1", 9090, false), 13);
        Finding web = ReportFixtures.demo().findings().get(0); // LINUX-REUSEPORT-GROUP on 127.0.0.1:8080

        assertThat(confirmed.verdict()).isEqualTo(ExperimentSummary.Verdict.CONFIRMED);
        assertThat(confirmed.historyId()).isEqualTo("E12");
        assertThat(confirmed.detail()).contains("confirms LINUX-REUSEPORT-GROUP");
        assertThat(confirmed.tests(web)).isTrue();
        assertThat(refuted.verdict()).isEqualTo(ExperimentSummary.Verdict.REFUTED);
        assertThat(refuted.tests(web)).as("another port").isFalse();

        Report report = new ReportBuilder(RuleDescriptions.fromFindings())
                .build(ReportFixtures.demo(), List.of(refuted, confirmed), true, List.of());
        assertThat(report.findings().get(0).experiments()).containsExactly(confirmed);
        assertThat(report.findings().get(1).experiments()).isEmpty();
    }

    @Test
    void aLabReplayOfAPresetIsEvidenceForEveryFindingOfItsRule() throws Exception {
        Assumptions.assumeTrue(Platforms.thisOs() == OsKind.LINUX, "the Linux presets replay on Linux");
        LabReplay lab = new LabReplay(ThisMachine.PLATFORM.sockets(), ThisMachine.PLATFORM.processes());
        int self = ThisMachine.PLATFORM.processes().effectiveUid();
        // 40 connections: the group spreads them by a hash, and with 10 all went to the victim once in ~1000 runs
        ReplayResult share = lab.run(ReplayRequest.of(ReplayPreset.named("linux-reuseport-share").orElseThrow(), 40, 0,
                false, self), new CancelToken());
        ReplayResult control = lab.run(ReplayRequest.of(ReplayPreset.named("plain-control").orElseThrow(), 3, 0,
                false, self), new CancelToken());
        assertThat(share.finding()).isEqualTo("LINUX-REUSEPORT-GROUP");
        assertThat(share.demonstrates()).isEqualTo(share.result().toAttacker() > 0).isTrue();
        assertThat(control.finding()).isNull();

        ExperimentSummary evidence = read(share, 21).orElseThrow();
        assertThat(read(control, 22)).as("the plain control names no rule").isEmpty();
        // A replay on its own port demonstrates the rule; it never "confirms" the finding of another socket.
        assertThat(evidence.verdict()).isEqualTo(ExperimentSummary.Verdict.DEMONSTRATED);
        assertThat(evidence.verdict().label()).isEqualTo("demonstrated in the lab");
        assertThat(evidence.experiment()).startsWith("lab replay linux-reuseport-share").contains("not this socket");
        Finding web = ReportFixtures.demo().findings().get(0); // LINUX-REUSEPORT-GROUP on 127.0.0.1:8080
        Finding other = ReportFixtures.demo().findings().get(1);
        assertThat(evidence.tests(web)).as("any port: the lab ran on its own").isTrue();
        assertThat(evidence.tests(other)).isEqualTo(other.rule().equals("LINUX-REUSEPORT-GROUP"));
    }

    private static Optional<ExperimentSummary> read(ExperimentRecord record, long id) throws Exception {
        RunSummary run = new RunSummary(HistoryId.experiment(id), record.kind(), record.title(), record.started(),
                record.ended(), record.host(), record.toolVersion(), record.agrees(), record.outcomeLine());
        return ExperimentHistory.summary(run, Json.mapper().writeValueAsString(record));
    }

    @Test
    void aReplayStoredByAnEarlierVersionStillOnlyDemonstrates() {
        RunSummary run = new RunSummary(HistoryId.experiment(3), "replay", "replay x", T, T, "h", "0.1.0", true, "x");
        assertThat(ExperimentHistory.summary(run, "{\"kind\":\"replay\",\"finding\":\"LINUX-REUSEPORT-GROUP\","
                + "\"confirms\":true}").orElseThrow().verdict()).isEqualTo(ExperimentSummary.Verdict.DEMONSTRATED);
    }

    @Test
    void aProbeThatTestsNoFindingOfItsSocketIsNoVerdict() throws Exception {
        ProbeRequest request = new ProbeRequest(Protocol.TCP, "127.0.0.1", 8080, "127.0.0.1", Set.of(), 1000, false,
                null, null, false, Set.of("LINUX-REUSEPORT-GROUP"));
        ProbeRecord none = new ProbeRecord("probe", request, 1000, new ProbeResult("127.0.0.1", "none", false,
                "EADDRINUSE", 98), null, null, null, null, "x", List.of(), "h", "0.1.0", T, T);
        assertThat(none.outcomeLine()).isEqualTo("refused EADDRINUSE: tests no finding of this socket");
        assertThat(read((ExperimentRecord) none, 30)).isEmpty();
    }

    @Test
    void recordsThatNameNoFindingAreSkipped() {
        RunSummary run = new RunSummary(HistoryId.experiment(1), "matrix", "matrix", T, T, "h", "0.1.0", null, "x");
        assertThat(ExperimentHistory.summary(run, "{\"kind\":\"matrix\",\"cells\":[]}")).isEmpty();
        assertThat(ExperimentHistory.summary(run, "not json")).isEmpty();
    }
}

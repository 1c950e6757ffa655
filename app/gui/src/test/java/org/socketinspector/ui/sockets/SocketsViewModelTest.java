package org.socketinspector.ui.sockets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;
import org.socketinspector.rules.Severity;
import org.socketinspector.ui.Fixtures;

/** The table's state without a window: rows from a scan JSON, findings per row, filter, in-place refresh, details. */
class SocketsViewModelTest {

    private final SocketsViewModel model = new SocketsViewModel();

    private SocketRow row(String endpoint, Integer pid) {
        return model.rows().stream().filter(r -> r.localEndpoint().equals(endpoint)
                && java.util.Objects.equals(r.socket().pid(), pid)).findFirst().orElseThrow();
    }

    @Test
    void everySocketOfTheScanGetsARowWithItsHighestFinding() {
        Audit audit = Fixtures.labAudit();
        model.show(audit);

        assertThat(model.rows()).hasSize(audit.scan().sockets().size());
        assertThat(row("0.0.0.0:8080", 1201).severity()).isEqualTo(Severity.HIGH);
        assertThat(row("0.0.0.0:8080", 1202).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(row("127.0.0.1:5432", 733).findings()).extracting(f -> f.rule()).containsExactly("LOCALHOST-FAMILY-SHADOW");
        assertThat(row("[::1]:631", 700).severity()).isNull();
        assertThat(row("0.0.0.0:22", 812).flags()).isEqualTo("unknown");
        assertThat(row("0.0.0.0:8080", 1201).flags()).isEqualTo("reuseaddr reuseport");
        assertThat(model.hostFindings()).extracting(f -> f.rule()).containsExactly("LOW-PRIVILEGED-PORT-START");
        assertThat(model.limitations()).hasSize(2);
    }

    @Test
    void statusLineSaysSourcePrivilegeAndCount() {
        model.show(Fixtures.labAudit());
        assertThat(model.statusProperty().get())
                .contains("lab-host").contains("Source: netlink, procfs-fd, pidfd-getsockopt")
                .contains("not privileged").contains("9 sockets");

        model.filterProperty().set("cupsd");
        assertThat(model.statusProperty().get()).contains("2 of 9 sockets shown");
    }

    @Test
    void filterMatchesEveryWordAndPortExactly() {
        model.show(Fixtures.labAudit());

        model.filterProperty().set("postgres");
        assertThat(model.filteredRows()).extracting(SocketRow::localEndpoint).containsExactly("127.0.0.1:5432");
        model.filterProperty().set("port:22");
        assertThat(model.filteredRows()).extracting(SocketRow::localEndpoint).containsExactlyInAnyOrder("0.0.0.0:22", "[::]:22");
        model.filterProperty().set("nobody REUSEPORT-GROUP");
        assertThat(model.filteredRows()).extracting(r -> r.socket().pid()).containsExactly(1201);
        model.filterProperty().set("port:2");
        assertThat(model.filteredRows()).isEmpty();
        model.filterProperty().set("  ");
        assertThat(model.filteredRows()).hasSize(9);
    }

    @Test
    void aRefreshUpdatesRowsInPlaceRemovesVanishedAndAppendsNew() {
        model.show(Fixtures.listeners(5, "LISTEN"));
        SocketRow kept = model.rows().get(2);
        model.selectedProperty().set(kept);

        List<SocketRecord> next = new ArrayList<>(Fixtures.listeners(5, "LISTEN").scan().sockets());
        next.set(2, Fixtures.listener(10002, 5002, "CLOSE_WAIT"));
        next.remove(4);
        next.add(Fixtures.listener(20000, 7000, "LISTEN"));
        SocketRows.Change change = model.show(new Audit(Fixtures.scan(next), List.of()));

        assertThat(change).isEqualTo(new SocketRows.Change(1, 4, 1));
        assertThat(model.rows()).hasSize(5).contains(kept);
        assertThat(kept.state()).isEqualTo("CLOSE_WAIT");
        assertThat(model.selectedProperty().get()).isSameAs(kept);
        assertThat(model.detailsProperty().get().subtitle()).startsWith("CLOSE_WAIT");
        assertThat(model.rows()).extracting(r -> r.socket().localPort()).doesNotContain(10004).contains(20000);
    }

    @Test
    void selectionVanishingWithItsSocketClearsTheSidePanel() {
        model.show(Fixtures.listeners(3, "LISTEN"));
        model.selectedProperty().set(model.rows().get(0));
        model.show(Fixtures.listeners(0, "LISTEN"));
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.detailsProperty().get()).isNull();
    }

    @Test
    void detailsShowProcessOptionsAndFindingsMostSevereFirst() {
        model.show(Fixtures.labAudit());
        model.selectedProperty().set(row("0.0.0.0:8080", 1201));
        SocketDetails d = model.detailsProperty().get();

        assertThat(d.title()).isEqualTo("TCP 0.0.0.0:8080");
        assertThat(d.value("Command line")).isEqualTo("/usr/local/bin/api-worker --port 8080");
        assertThat(d.value("Executable")).isEqualTo("/usr/local/bin/api-worker");
        assertThat(d.value("User")).isEqualTo("nobody");
        assertThat(d.value("SO_REUSEPORT")).isEqualTo("yes");
        assertThat(d.value("SO_EXCLUSIVEADDRUSE")).isEqualTo("unknown");
        assertThat(d.findings()).extracting(f -> f.rule()).containsExactly("LINUX-REUSEPORT-GROUP");

        model.selectedProperty().set(row("127.0.0.53:53", null));
        assertThat(model.detailsProperty().get().value("Owner")).contains("not visible");
    }
}

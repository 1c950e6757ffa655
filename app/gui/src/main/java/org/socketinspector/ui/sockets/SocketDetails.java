package org.socketinspector.ui.sockets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.socketinspector.model.ProbeResult;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.SocketOption;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Finding;

/**
 * What the side panel shows for one socket: labelled values in sections, then its findings, most severe first.
 * Built without a window so that tests can check it.
 */
public record SocketDetails(String title, String subtitle, List<Section> sections, List<Finding> findings) {

    public record Section(String name, List<Field> fields) {
    }

    /** One labelled value; monospace for addresses, paths and command lines. */
    public record Field(String label, String value, boolean monospace) {
    }

    public SocketDetails {
        sections = List.copyOf(sections);
        findings = findings.stream().sorted(Comparator.comparing(Finding::suppressed)
                .thenComparing(Finding::severity)).toList();
    }

    public static SocketDetails of(SocketRecord s, List<Finding> findings) {
        String title = s.protocol().wireName().toUpperCase(java.util.Locale.ROOT) + " " + s.localEndpoint();
        String remote = SocketText.remote(s);
        String subtitle = SocketText.state(s) + (remote.isEmpty() ? "" : " → " + remote);
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Process", process(s)));
        sections.add(new Section("Options", options(s.options(), s)));
        if (s.probe() != null) {
            sections.add(new Section("Bind probe", probe(s.probe())));
        }
        return new SocketDetails(title, subtitle, sections, findings);
    }

    /** The first field with this label, for tests and the clipboard. */
    public String value(String label) {
        return sections.stream().flatMap(sec -> sec.fields().stream()).filter(f -> f.label().equals(label))
                .map(Field::value).findFirst().orElse(null);
    }

    private static List<Field> process(SocketRecord s) {
        List<Field> fields = new ArrayList<>();
        ProcessInfo p = s.process();
        if (s.pid() == null && p == null) {
            fields.add(new Field("Owner", "not visible to this scan (see the limitations)", false));
            return fields;
        }
        fields.add(new Field("Name", p == null || p.name() == null ? SocketText.UNKNOWN : p.name(), false));
        fields.add(new Field("PID", s.pid() == null ? SocketText.UNKNOWN : s.pid().toString(), true));
        String user = SocketText.user(s);
        fields.add(new Field("User", user.isEmpty() ? SocketText.UNKNOWN : user, false));
        if (p != null) {
            fields.add(new Field("Executable", orUnknown(p.executable()), true));
            fields.add(new Field("Command line", orUnknown(p.commandLine()), true));
            if (!p.services().isEmpty()) {
                fields.add(new Field("Services", String.join(", ", p.services()), false));
            }
        }
        return fields;
    }

    private static List<Field> options(SocketOptions o, SocketRecord s) {
        List<Field> fields = new ArrayList<>();
        for (SocketOption option : SocketOption.values()) {
            if (option != SocketOption.V6ONLY || s.family() == org.socketinspector.model.Family.IPV6) {
                fields.add(new Field(option.constantName(), SocketText.option(o.get(option)), false));
            }
        }
        if (s.inode() != null) {
            fields.add(new Field("Inode", s.inode().toString(), true));
        }
        if (s.nativeState() != null) {
            fields.add(new Field("Native state", s.nativeState(), false));
        }
        return fields;
    }

    private static List<Field> probe(ProbeResult p) {
        return List.of(
                new Field("Probe bound", p.address() + (p.options() == null || p.options().isEmpty() ? "" : " with " + p.options()), true),
                new Field("Result", p.bound() ? "bind succeeded: not exclusive" : "refused: " + p.error()
                        + (p.errorCode() == 0 ? "" : " (" + p.errorCode() + ")"), false));
    }

    private static String orUnknown(String text) {
        return text == null || text.isBlank() ? SocketText.UNKNOWN : text;
    }
}

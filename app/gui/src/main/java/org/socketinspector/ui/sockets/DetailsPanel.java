package org.socketinspector.ui.sockets;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.socketinspector.rules.Finding;
import org.socketinspector.ui.common.ShownText;

/** The side panel: the selected socket's process, options and findings. Renders {@link SocketDetails}. */
public final class DetailsPanel extends ScrollPane {

    private final VBox content = new VBox(10);
    private final SocketsViewModel model;
    private final Consumer<String> openLink;

    /** @param openLink opens a reference that is a URL (in the user's browser) */
    public DetailsPanel(SocketsViewModel model, Consumer<String> openLink) {
        this.model = model;
        this.openLink = openLink;
        setId("details-panel");
        getStyleClass().add("details-panel");
        content.setPadding(new Insets(12, 14, 12, 14));
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        model.detailsProperty().addListener((o, was, now) -> render());
        model.hostFindings().addListener((ListChangeListener<Finding>) c -> render());
        render();
    }

    private void render() {
        SocketDetails d = model.detailsProperty().get();
        content.getChildren().clear();
        if (d == null) {
            Label hint = new Label("Select a socket to see its process, options and findings.");
            hint.setId("details-empty");
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            hint.setWrapText(true);
            content.getChildren().add(hint);
            if (!model.hostFindings().isEmpty()) {
                content.getChildren().add(heading("Findings about this host"));
                model.hostFindings().forEach(f -> content.getChildren().add(findingCard(f)));
            }
            return;
        }
        Label title = ShownText.label(d.title());
        title.setId("details-title");
        title.getStyleClass().addAll(Styles.TITLE_3, "mono");
        title.setWrapText(true);
        Label subtitle = ShownText.label(d.subtitle());
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        content.getChildren().addAll(title, subtitle);
        for (SocketDetails.Section section : d.sections()) {
            content.getChildren().addAll(heading(section.name()), fields(section.fields()));
        }
        content.getChildren().add(heading(d.findings().isEmpty() ? "No findings" : "Findings (" + d.findings().size() + ")"));
        if (d.findings().isEmpty()) {
            Label none = new Label("The rule engine sees no way for another process to take this socket's traffic.");
            none.setWrapText(true);
            none.getStyleClass().add(Styles.TEXT_MUTED);
            content.getChildren().add(none);
        }
        d.findings().forEach(f -> content.getChildren().add(findingCard(f)));
    }

    private static Node heading(String text) {
        Label label = new Label(text.toUpperCase(java.util.Locale.ROOT));
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD, Styles.TEXT_MUTED, "details-heading");
        VBox box = new VBox(2, new Separator(), label);
        box.setPadding(new Insets(6, 0, 0, 0));
        return box;
    }

    private static Node fields(List<SocketDetails.Field> fields) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values);
        int row = 0;
        for (SocketDetails.Field f : fields) {
            Label label = new Label(f.label());
            label.getStyleClass().add(Styles.TEXT_MUTED);
            Label value = ShownText.label(f.value()); // a process name, command line, path
            value.setWrapText(true);
            value.setId("field-" + f.label().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            if (f.monospace()) {
                value.getStyleClass().add("mono");
            }
            if (SocketText.UNKNOWN.equals(f.value())) {
                value.getStyleClass().add(Styles.TEXT_SUBTLE);
            }
            grid.addRow(row++, label, value);
        }
        return grid;
    }

    private Node findingCard(Finding f) {
        Label pill = new Label(f.severity().name());
        pill.getStyleClass().addAll("severity", "severity-" + f.severity().wireName());
        Label rule = ShownText.label(f.rule() + (f.suppressed() ? " · accepted by baseline" : ""));
        rule.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "mono");
        HBox head = new HBox(8, pill, rule);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // A finding's words quote process names and captured addresses: shown escaped like the CLI's audit.
        Label title = ShownText.label(f.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setWrapText(true);
        Label who = new Label("Who could exploit it: " + attacker(f));
        who.getStyleClass().add(Styles.TEXT_SMALL);
        Label explanation = ShownText.label(f.explanation());
        explanation.setWrapText(true);
        VBox card = new VBox(6, head, title, who, explanation);
        if (f.remediation() != null && !f.remediation().isBlank()) {
            Label fixHead = new Label("What to do");
            fixHead.getStyleClass().add(Styles.TEXT_BOLD);
            Label fix = ShownText.label(f.remediation());
            fix.setWrapText(true);
            card.getChildren().addAll(fixHead, fix);
        }
        if (!f.references().isEmpty()) {
            Label refHead = new Label("References");
            refHead.getStyleClass().add(Styles.TEXT_BOLD);
            card.getChildren().add(refHead);
            for (String ref : f.references()) {
                if (ref.startsWith("https://") || ref.startsWith("http://")) {
                    Hyperlink link = new Hyperlink(ref);
                    link.setWrapText(true);
                    link.setOnAction(e -> openLink.accept(ref));
                    card.getChildren().add(link);
                } else {
                    Label text = ShownText.label("• " + ref);
                    text.setWrapText(true);
                    text.getStyleClass().add(Styles.TEXT_SMALL);
                    card.getChildren().add(text);
                }
            }
        }
        card.getStyleClass().addAll("finding-card", "finding-" + f.severity().wireName());
        card.setPadding(new Insets(10));
        return card;
    }

    private static String attacker(Finding f) {
        return switch (f.attacker()) {
            case ANY_USER -> "any local user";
            case SAME_USER -> "a process of the same user";
            case ADMIN -> "an administrator only";
        };
    }
}

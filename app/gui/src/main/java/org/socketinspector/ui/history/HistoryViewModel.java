package org.socketinspector.ui.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.socketinspector.history.HistoryId;
import org.socketinspector.history.RunSummary;
import org.socketinspector.history.RunType;
import org.socketinspector.history.SnapshotDiff;
import org.socketinspector.json.Json;
import org.socketinspector.rules.Audit;
import org.socketinspector.store.HistoryFilter;
import org.socketinspector.store.HistoryStore;
import org.socketinspector.store.Page;
import org.socketinspector.store.StoreException;
import org.socketinspector.ui.common.BackgroundWork;

/**
 * The History view's state: one page of runs and snapshots at a time (the store pages with indexes, so 10,000 runs
 * open as fast as 10), filters, the selected run's details and the diff of two snapshots. Every query runs on the
 * background executor (a query may wait seconds for another writer); results are applied on the FX thread. Testable
 * without a window (with direct executors).
 */
public final class HistoryViewModel {

    public static final int PAGE_SIZE = 100;

    /** Which rows to list. */
    public enum TypeChoice {
        ALL("runs and snapshots"), EXPERIMENTS("experiments"), SNAPSHOTS("snapshots");

        private final String label;

        TypeChoice(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Filter on agreement with the model. */
    public enum AgreementChoice {
        ANY("any"), AGREES("agrees"), DISAGREES("disagrees");

        private final String label;

        AgreementChoice(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Supplier<HistoryStore> store;
    private final ObjectProperty<TypeChoice> type = new SimpleObjectProperty<>(this, "type", TypeChoice.ALL);
    private final ObjectProperty<String> kind = new SimpleObjectProperty<>(this, "kind");
    private final ObjectProperty<AgreementChoice> agreement = new SimpleObjectProperty<>(this, "agreement", AgreementChoice.ANY);
    private final IntegerProperty page = new SimpleIntegerProperty(this, "page", 1);
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total");
    private final ReadOnlyIntegerWrapper pages = new ReadOnlyIntegerWrapper(this, "pages", 1);
    private final ObservableList<RunSummary> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final Executor background;
    private final Executor fx;
    /** Which load is the latest: a page that answers after a newer request is dropped. */
    private long loads;

    /**
     * @param store      the history (called in the background only)
     * @param background where queries run
     * @param fx         where their results are applied (the FX thread)
     */
    public HistoryViewModel(Supplier<HistoryStore> store, Executor background, Executor fx) {
        this.store = store;
        this.background = background;
        this.fx = fx;
        type.addListener(o -> firstPage());
        kind.addListener(o -> firstPage());
        agreement.addListener(o -> firstPage());
        page.addListener(o -> load());
    }

    private void firstPage() {
        if (page.get() == 1) {
            load();
        } else {
            page.set(1);
        }
    }

    public HistoryFilter filter() {
        HistoryFilter f = switch (type.get()) {
            case ALL -> HistoryFilter.ALL;
            case EXPERIMENTS -> HistoryFilter.experiments();
            case SNAPSHOTS -> HistoryFilter.snapshots();
        };
        if (kind.get() != null && !kind.get().isBlank()) {
            f = f.withKind(kind.get());
        }
        return switch (agreement.get()) {
            case ANY -> f;
            case AGREES -> f.withAgrees(true);
            case DISAGREES -> f.withAgrees(false);
        };
    }

    /** One page as read: the count, the number of pages, the rows. */
    private record Loaded(long count, int pages, List<RunSummary> rows) {
    }

    /** Reads the count and the current page (two indexed queries) in the background. */
    public void load() {
        HistoryFilter f = filter();
        int asked = page.get();
        long load = ++loads;
        BackgroundWork.run(background, fx, "reading the history", () -> {
            long count = store.get().count(f);
            int last = (int) Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
            int number = Math.min(Math.max(1, asked), last);
            return new Loaded(count, last, store.get().list(f, Page.number(number, PAGE_SIZE)));
        }, loaded -> {
            if (load == loads) {
                total.set(loaded.count());
                pages.set(loaded.pages());
                rows.setAll(loaded.rows());
                error.set(null);
            }
        }, why -> {
            if (load == loads) {
                rows.clear();
                error.set("Cannot read the history: " + why);
            }
        });
    }

    public void next() {
        if (page.get() < pages.get()) {
            page.set(page.get() + 1);
        }
    }

    public void previous() {
        if (page.get() > 1) {
            page.set(page.get() - 1);
        }
    }

    /** "Page 2 of 100 · 10,000 runs". */
    public String pageText() {
        return "Page " + page.get() + " of " + pages.get() + " · " + String.format(Locale.ROOT, "%,d", total.get())
                + (total.get() == 1 ? " run" : " runs");
    }

    /** The stored snapshot, for a tab, read in the background and handed to {@code then}. */
    public void snapshot(HistoryId id, Consumer<Optional<Audit>> then) {
        query("reading snapshot " + id, () -> store.get().snapshot(id), then);
    }

    /** What changed between two snapshots, the older one first whatever the selection order; to {@code then}. */
    public void diff(RunSummary a, RunSummary b, Consumer<SnapshotDiff> then) {
        java.util.Comparator<RunSummary> age = java.util.Comparator.comparing(RunSummary::startedAt)
                .thenComparingLong(r -> r.id().number());
        RunSummary older = age.compare(a, b) <= 0 ? a : b;
        RunSummary newer = older == a ? b : a;
        query("comparing " + older.id() + " and " + newer.id(), () -> {
            Audit before = stored(older.id());
            Audit after = stored(newer.id());
            return SnapshotDiff.between(before.scan(), after.scan());
        }, then);
    }

    private Audit stored(HistoryId id) {
        return store.get().snapshot(id).orElseThrow(() -> new StoreException("snapshot " + id + " is no longer in the history"));
    }

    /** A run's stored record as labelled lines and its timeline (for experiments); to {@code then}. */
    public void details(RunSummary run, Consumer<RunDetails> then) {
        query("reading " + run.id(), () -> details(run, store.get().json(run.id()).orElse("{}")), then);
    }

    /** A query in the background; its result to {@code then}, a failure to the error line. */
    private <T> void query(String what, BackgroundWork<T> work, Consumer<T> then) {
        BackgroundWork.run(background, fx, what, work, result -> {
            error.set(null);
            then.accept(result);
        }, why -> error.set("Cannot read the history: " + why));
    }

    private static RunDetails details(RunSummary run, String json) {
        try {
            JsonNode root = Json.mapper().readTree(json);
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            List<TimelineRow> timeline = new ArrayList<>();
            if (run.id().type() == RunType.EXPERIMENT) {
                flatten("", root, fields, timeline);
            }
            return new RunDetails(run, fields, timeline);
        } catch (JsonProcessingException e) {
            return new RunDetails(run, List.of(Map.entry("error", "stored JSON unreadable: " + e.getOriginalMessage())), List.of());
        }
    }

    /** Scalar fields as dotted paths (request.victim.address = 127.0.0.1); every "timeline" array as events. */
    private static void flatten(String path, JsonNode node, List<Map.Entry<String, String>> fields, List<TimelineRow> timeline) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (e.getKey().equals("timeline") && e.getValue().isArray()) {
                    e.getValue().forEach(ev -> timeline.add(new TimelineRow(ev.path("at").asText(""),
                            ev.path("actor").asText(""), ev.path("event").asText(""), ev.path("detail").asText(""))));
                } else {
                    flatten(child, e.getValue(), fields, timeline);
                }
            }
        } else if (node.isArray()) {
            if (node.size() > 50) {
                fields.add(Map.entry(path, node.size() + " entries"));
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), fields, timeline);
            }
        } else if (!node.isNull()) {
            fields.add(Map.entry(path, node.asText()));
        }
    }

    /** One stored run opened: its summary, its record's fields, its timeline. */
    public record RunDetails(RunSummary run, List<Map.Entry<String, String>> fields, List<TimelineRow> timeline) {
    }

    /** One timeline event as stored. */
    public record TimelineRow(String at, String actor, String event, String detail) {
    }

    public ObjectProperty<TypeChoice> typeProperty() {
        return type;
    }

    public ObjectProperty<String> kindProperty() {
        return kind;
    }

    public ObjectProperty<AgreementChoice> agreementProperty() {
        return agreement;
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public ReadOnlyIntegerProperty pagesProperty() {
        return pages.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ObservableList<RunSummary> rows() {
        return rows;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}

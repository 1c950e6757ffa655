package org.socketinspector.ui.common;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A small typed event bus between the pages and the shell: a page says what the user asked for (open the what-if
 * dialog for this socket, open this capture) without knowing who shows it. Events are delivered synchronously on
 * the publishing thread, which for the GUI is the FX thread.
 */
public final class EventBus {

    private final Map<Class<?>, List<Consumer<Object>>> handlers = new ConcurrentHashMap<>();

    public <E> void subscribe(Class<E> type, Consumer<? super E> handler) {
        handlers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(event -> handler.accept(type.cast(event)));
    }

    /** Delivers the event to every handler of its exact class; returns how many got it. */
    public int publish(Object event) {
        List<Consumer<Object>> list = handlers.getOrDefault(event.getClass(), List.of());
        list.forEach(h -> h.accept(event));
        return list.size();
    }
}

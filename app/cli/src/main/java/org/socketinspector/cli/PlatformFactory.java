package org.socketinspector.cli;

import java.lang.reflect.Constructor;
import org.socketinspector.collect.Platform;
import picocli.CommandLine;

/**
 * Makes picocli's commands and mixins, handing the run's one {@link Platform} to those whose constructor takes it,
 * so that no command looks the platform up itself.
 */
final class PlatformFactory implements CommandLine.IFactory {
    private final Platform platform;

    PlatformFactory(Platform platform) {
        this.platform = platform;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Platform.class) {
                return type.cast(constructor.newInstance(platform));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }
}

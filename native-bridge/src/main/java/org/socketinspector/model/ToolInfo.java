package org.socketinspector.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Name and version of this tool, as recorded in every scan. */
public record ToolInfo(String name, String version) {

    public static final String NAME = "socket-inspector";

    public static ToolInfo current() {
        return new ToolInfo(NAME, Holder.VERSION);
    }

    private static final class Holder {
        static final String VERSION = readVersion();

        private static String readVersion() {
            try (InputStream in = ToolInfo.class.getResourceAsStream("/org/socketinspector/version.properties")) {
                if (in == null) {
                    return "unknown";
                }
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            } catch (IOException e) {
                return "unknown";
            }
        }
    }
}

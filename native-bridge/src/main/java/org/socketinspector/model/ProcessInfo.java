package org.socketinspector.model;

import java.util.List;

/**
 * The process that owns a socket. Fields that could not be read are {@code null}.
 *
 * @param name        short process name (comm on Linux, image name on Windows)
 * @param executable  full path of the executable
 * @param commandLine command line, arguments separated by single spaces
 * @param user        user name of the owner
 * @param uid         numeric user id (Unix); null on Windows
 * @param services    Windows service names hosted by the process; empty elsewhere
 */
public record ProcessInfo(String name, String executable, String commandLine, String user, Integer uid,
                          List<String> services) {

    public ProcessInfo {
        services = services == null ? List.of() : List.copyOf(services);
    }

    public static ProcessInfo named(String name) {
        return new ProcessInfo(name, null, null, null, null, List.of());
    }
}

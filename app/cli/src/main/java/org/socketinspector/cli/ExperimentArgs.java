package org.socketinspector.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.socketinspector.experiment.ExperimentException;
import org.socketinspector.experiment.Users;
import org.socketinspector.sockets.SockOpt;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/** Parsing of the experiment commands' option values, with errors that name the option. */
final class ExperimentArgs {

    private ExperimentArgs() {
    }

    static Set<SockOpt> options(CommandSpec spec, String option, List<String> values) {
        Set<SockOpt> result = EnumSet.noneOf(SockOpt.class);
        for (String v : values) {
            for (String name : v.split(",")) {
                if (name.isBlank() || name.equalsIgnoreCase("none")) {
                    continue;
                }
                try {
                    result.add(SockOpt.fromWireName(name));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), option + ": unknown option '" + name
                            + "' (expected reuseaddr, reuseport, v6only or none)");
                }
            }
        }
        return result;
    }

    /** -1 for "the user running the command" when no user was named. */
    static int uid(CommandSpec spec, String option, String user) {
        if (user == null) {
            return -1;
        }
        try {
            return Users.uid(user);
        } catch (ExperimentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}

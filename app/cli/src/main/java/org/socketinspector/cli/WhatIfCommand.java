package org.socketinspector.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.socketinspector.input.BoundedInput;
import org.socketinspector.input.InputLimits;
import org.socketinspector.input.InputLine;
import org.socketinspector.input.LineReader;
import org.socketinspector.json.BindQuestionJson;
import org.socketinspector.json.Json;
import org.socketinspector.json.JsonErrors;
import org.socketinspector.model.Protocol;
import org.socketinspector.semantics.BindAnswer;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindSemantics;
import org.socketinspector.semantics.BindState;
import org.socketinspector.semantics.OsFamily;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code whatif}: asks the bind-semantics model one question, or a batch of JSON Lines questions. */
@Command(name = "whatif", mixinStandardHelpOptions = true,
        description = {"If the first socket is already bound, what happens when the second one binds the same port?",
                "Options after an address: reuseaddr, reuseport, exclusiveaddruse, v6only, dualstack.",
                "An IPv4-mapped address (::ffff:127.0.0.1) on a dualstack socket is the IPv4 address it maps.",
                "Example: whatif --os windows --protocol tcp --first 0.0.0.0 --first-user svc "
                        + "--second 127.0.0.1,reuseaddr --second-user svc"},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:answered (a batch answers bad lines with an error object)", "1:failure", "2:usage error"})
public final class WhatIfCommand implements Callable<Integer> {

    @Option(names = "--batch", paramLabel = "FILE|-",
            description = "Read JSON Lines questions from FILE (- for standard input), write one answer line each.")
    String batch;

    @Option(names = "--os", paramLabel = "windows|windows-xp|linux|macos|freebsd", converter = Args.OsArg.class)
    OsFamily os;

    @Option(names = "--protocol", paramLabel = "tcp|udp", defaultValue = "tcp", converter = Args.ProtocolArg.class)
    Protocol protocol;

    @Option(names = "--first", paramLabel = "ADDRESS[,OPTION...]", description = "The socket already bound.")
    String first;

    @Option(names = "--first-user", paramLabel = "U", defaultValue = BindQuestionJson.DEFAULT_USER)
    String firstUser;

    @Option(names = "--first-state", paramLabel = "listen|bound|time-wait|connected", converter = Args.BindStateArg.class,
            description = {"Default: listen for TCP, bound for UDP. time-wait (TCP): the port holds only TIME_WAIT"
                    + " connections a server left when it closed them first and exited (restarting over TIME_WAIT);"
                    + " they keep its options and user. connected (UDP): the first socket is connected to one peer."})
    BindState firstState;

    @Option(names = "--second", paramLabel = "ADDRESS[,OPTION...]", description = "The socket binding now.")
    String second;

    @Option(names = "--second-user", paramLabel = "U", description = "Default: the first socket's user.")
    String secondUser;

    @Option(names = "--port", paramLabel = "N", converter = Args.PortArg.class,
            description = "The port, when it matters: below 1024 only root may bind on Linux and FreeBSD.")
    Integer port;

    @Option(names = "--json", description = "Print the answer as one JSON object.")
    boolean json;

    @Mixin
    IdleTimeoutOption idle;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (batch != null) {
            // Bounded: /dev/zero or an endless pipe ends with "FILE:N: ..." instead of filling memory.
            try (BoundedInput in = BoundedInput.open(batchPath(), idle.applyTo(InputLimits.DEFAULT))) {
                answerBatch(in.lines(StandardCharsets.UTF_8), out);
            }
            out.flush();
            return SocketInspectorCommand.EXIT_OK;
        }
        BindQuestion question = singleQuestion();
        BindAnswer answer = BindSemantics.ask(question);
        if (json) {
            out.println(Json.pretty().writeValueAsString(BindQuestionJson.write(answer)));
        } else {
            out.println(answer.outcome().wireName().toUpperCase(java.util.Locale.ROOT)
                    + (answer.error() == null ? "" : " (" + answer.error() + ")")
                    + (answer.firstCanStillListen() == null ? "" : "; first can still listen: "
                    + answer.firstCanStillListen()));
            out.println(answer.explanation());
            answer.sources().forEach(s -> out.println("source: " + s));
        }
        out.flush();
        return SocketInspectorCommand.EXIT_OK;
    }

    /** The --batch file; a name this JVM cannot encode (no UTF-8 locale) is refused in one line naming it. */
    private Path batchPath() throws java.io.IOException {
        try {
            return Path.of(batch);
        } catch (java.nio.file.InvalidPathException e) {
            throw new java.io.IOException(batch + ": cannot be opened: its name has characters this system's locale"
                    + " cannot encode (set LANG to a UTF-8 locale)");
        }
    }

    /** One answer line per input line, in order; a bad line gets {"error": ..., "line": N} and the batch goes on. */
    static void answerBatch(LineReader in, PrintWriter console) throws IOException {
        // picocli's writer may flush on every line; a batch of thousands of answers is written in blocks.
        PrintWriter out = new PrintWriter(new BufferedWriter(console, 1 << 16));
        ObjectWriter writer = Json.mapper().writer();
        InputLine next;
        try {
            while ((next = in.next()) != null) {
                out.println(answer(writer, next.text(), next.number()));
            }
        } finally {
            out.flush();
        }
    }

    /** The answer line for one question line, or {"error": ..., "line": N}. */
    static String answer(ObjectWriter writer, String line, long n) throws JsonProcessingException {
        try {
            JsonNode node = Json.mapper().readTree(line);
            return writer.writeValueAsString(BindQuestionJson.write(BindSemantics.ask(BindQuestionJson.read(node))));
        } catch (JsonProcessingException e) {
            // in our words: Jackson's own text names its classes and settings (issue 18 #10); the line is "line"
            return error(writer, "not valid JSON: " + JsonErrors.describe(e, line).replaceFirst("^line 1, column", "column"), n);
        } catch (IllegalArgumentException e) {
            return error(writer, e.getMessage(), n);
        }
    }

    private static String error(ObjectWriter writer, String message, long line) throws JsonProcessingException {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("error", message);
        node.put("line", line);
        return writer.writeValueAsString(node);
    }

    private BindQuestion singleQuestion() {
        if (os == null || first == null || second == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --os, --first and --second (or --batch FILE|-)");
        }
        try {
            return new BindQuestion(os, protocol,
                    BindQuestionJson.endpoint(first, firstUser, firstState, protocol, "--first"),
                    BindQuestionJson.endpoint(second, secondUser == null ? firstUser : secondUser, BindState.BOUND,
                            protocol, "--second"), port);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}

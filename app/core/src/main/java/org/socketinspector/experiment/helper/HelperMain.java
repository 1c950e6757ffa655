package org.socketinspector.experiment.helper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.socketinspector.collect.Platform;
import org.socketinspector.experiment.Delivery;
import org.socketinspector.experiment.HelperProtocol;
import org.socketinspector.experiment.LocalSide;
import org.socketinspector.model.Family;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOption;
import org.socketinspector.nativeio.ProcessControl;
import org.socketinspector.sockets.NativeSocketException;

/**
 * A helper process of an experiment: holds sockets for a victim, an attacker or a client, possibly under another
 * uid or inside a network namespace (ip netns exec). Arguments: the parent's pid, and the uid to run as when it was
 * started as root for another user.
 *
 * <p>It belongs to nobody but its parent (issue 18, defect 5): it is started with a clean environment, makes itself
 * undumpable first thing, and takes another uid itself (then undumpable again), so that uid's other processes can
 * neither ptrace it nor read its /proc/PID/environ at any moment of its life.
 *
 * <p>It never outlives its parent: PR_SET_PDEATHSIG(SIGKILL) is armed once its uid is final (and if the parent
 * already died before that, it exits), and the command loop is the control-pipe watchdog: when stdin closes, it
 * exits.
 */
public final class HelperMain {

    private final LocalSide side;
    private final PrintStream out;

    private HelperMain(LocalSide side, PrintStream out) {
        this.side = side;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        long parent = Long.parseLong(args[0]);
        Platform platform = Platform.forThisMachine();
        ProcessControl processes = platform.processes();
        processes.makeUndumpable(); // before anything else: nobody but root may attach or read our environment
        if (args.length > 1) {
            // Started as root to run as another uid: take it here, never before the exec (see LinuxCredentials).
            try {
                processes.becomeUser(Integer.parseInt(args[1]));
            } catch (IOException | RuntimeException e) {
                System.out.println(HelperProtocol.ERROR + " setresuid EPERM 1 " + e.getMessage()); // the parent's one line
                System.out.flush();
                System.exit(4);
            }
            processes.makeUndumpable(); // a change of uid set it back to fs.suid_dumpable
        }
        // After the change of uid, which clears the death signal.
        if (!processes.dieWithParent(parent)) {
            System.exit(3); // the parent died before the death signal was armed
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        int uid = processes.effectiveUid();
        out.println(HelperProtocol.READY + " " + ProcessHandle.current().pid() + " " + uid);
        new HelperMain(new LocalSide(platform.sockets(), uid), out).commandLoop(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)));
        // stdin closed (the parent went away or is done): the watchdog's exit
        System.exit(0);
    }

    private void commandLoop(BufferedReader in) throws Exception {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            if (line.trim().equals("exit")) {
                break;
            }
            answer(HelperProtocol.words(line));
        }
        side.close();
    }

    private void answer(List<String> w) {
        try {
            String result = execute(w);
            reply(result == null ? HelperProtocol.OK : HelperProtocol.OK + " " + result);
        } catch (NativeSocketException e) {
            reply(HelperProtocol.error(e));
        } catch (RuntimeException e) {
            reply(HelperProtocol.ERROR + " helper EINVAL 22 " + e.getMessage());
        }
    }

    private String execute(List<String> w) throws NativeSocketException {
        String id = w.size() > 1 ? w.get(1) : "";
        switch (w.get(0)) {
            case "open" -> side.open(id, Protocol.fromWireName(w.get(2)), Family.fromWireName(w.get(3)));
            case "opt" -> side.option(id, SocketOption.fromWireName(w.get(2)), w.get(3).equals("on"));
            case "bind" -> {
                return Integer.toString(side.bind(id, w.get(2), Integer.parseInt(w.get(3))));
            }
            case "listen" -> side.listen(id);
            case "inode" -> {
                return Long.toString(side.inode(id));
            }
            case "serve" -> side.serve(id, this::report);
            case "close" -> side.closeSocket(id);
            case "connect" -> side.connect(id, w.get(2), Integer.parseInt(w.get(3)));
            case "accept" -> {
                return Boolean.toString(side.accept(id, w.get(2), Integer.parseInt(w.get(3))));
            }
            case "sendfrom" -> side.sendFrom(id, w.get(2), Integer.parseInt(w.get(3)), w.get(4));
            case "finish" -> {
                return Boolean.toString(side.finishAfterPeer(id, Integer.parseInt(w.get(2))));
            }
            case "send" -> side.sendTag(Protocol.fromWireName(w.get(1)), w.get(2), Integer.parseInt(w.get(3)), w.get(4));
            default -> throw new IllegalArgumentException("unknown command '" + w.get(0) + "'");
        }
        return null;
    }

    private void report(Delivery d) {
        reply(String.join(" ", HelperProtocol.DELIVERY, d.socketId(), d.tag().replace(' ', '_'),
                Long.toString(d.at().toEpochMilli())));
    }

    private void reply(String line) {
        synchronized (out) {
            out.println(line);
        }
    }
}

package org.socketinspector.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The small /proc and /etc text formats the collector reads. */
class ProcParsingTest {

    @Test
    void socketLinkGivesItsInode() {
        assertThat(link("socket:[766030]")).isEqualTo(766030);
        assertThat(link("socket:[4294967295]")).isEqualTo(4294967295L);
        assertThat(link("pipe:[766030]")).isEqualTo(-1);
        assertThat(link("/dev/null")).isEqualTo(-1);
        assertThat(link("socket:[]")).isEqualTo(-1);
        assertThat(link("socket:[12a]")).isEqualTo(-1);
    }

    private static long link(String target) {
        byte[] buffer = new byte[64];
        byte[] bytes = target.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, buffer, 0, bytes.length);
        return SocketOwners.parseSocketLink(buffer, bytes.length);
    }

    @Test
    void commandLineJoinsArgumentsWithSpaces() {
        byte[] raw = "python3\0-m\0http.server\0".getBytes(StandardCharsets.UTF_8);
        assertThat(ProcessReader.commandLine(raw)).isEqualTo("python3 -m http.server");
        assertThat(ProcessReader.commandLine(new byte[0])).isNull();
    }

    @Test
    void effectiveUidIsTheSecondUidColumn() {
        String status = "Name:\tpython3\nUmask:\t0022\nState:\tS (sleeping)\nUid:\t1000\t65534\t65534\t65534\n";
        assertThat(ProcessReader.effectiveUid(status)).isEqualTo(65534);
    }

    @Test
    void passwdMapsUidsToNames() {
        var names = UserNames.parse("root:x:0:0:root:/root:/bin/bash\n# comment\n+::::::\n"
                + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
        assertThat(names).containsEntry(0L, "root").containsEntry(65534L, "nobody").hasSize(2);
    }
}

package org.socketinspector.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socketinspector.model.ProcessInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Audit;

class RedactorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "app --password=hunter2 --port 80 | app --password=*** --port 80",
            "app --db-password hunter2 -v | app --db-password *** -v",
            "app --token=abc.def --verbose | app --token=*** --verbose",
            "app token=abc | app token=***",
            "app DB_SECRET=s3cr3t | app DB_SECRET=***",
            "app --apikey=XYZ --api-key XYZ | app --apikey=*** --api-key ***",
            "app --url=postgres://admin:pw@db:5432/x | app --url=postgres://admin:***@db:5432/x",
            "app https://user:pa55@example.invalid/path | app https://user:***@example.invalid/path",
            "curl -H Authorization: Bearer eyJhbGci | curl -H Authorization: Bearer ***",
            "app --callback=https://h/cb?access_token=t0k&x=1 | app --callback=https://h/cb?access_token=***&x=1",
            "mysql -uroot -phunter2 db | mysql -uroot -p*** db",
            "/usr/bin/mariadb -psecret | /usr/bin/mariadb -p***",
            "sshpass -p hunter2 ssh host | sshpass -p *** ssh host",
            "redis-server --port 6379 -p 6379 | redis-server --port 6379 -p 6379",
            "ssh -p 2222 host | ssh -p 2222 host",
            "python3 -m http.server 8080 | python3 -m http.server 8080",
            "nginx: master process /usr/sbin/nginx -g daemon on; | nginx: master process /usr/sbin/nginx -g daemon on;",
    })
    void masksSecretLookingArgumentsAndNothingElse(String commandLine, String expected) {
        assertThat(Redactor.commandLine(commandLine, null)).isEqualTo(expected);
    }

    @Test
    void redactUsersReplacesOwnersAlsoInFindingText() {
        Audit demo = ReportFixtures.demo();
        List<String> lines = new ArrayList<>();
        Audit redacted = new Redactor(true).redact(demo, lines);
        assertThat(redacted.scan().sockets()).allSatisfy(s -> assertThat(s.process().user()).isEqualTo(Redactor.USER_MASK));
        assertThat(redacted.findings().get(0).title()).isEqualTo("Another process of [user] can join port 8080");
        assertThat(lines).hasSize(2);
        // Only names change; the numbers stay for the auditor.
        assertThat(redacted.scan().sockets()).extracting(s -> s.process().uid())
                .isEqualTo(demo.scan().sockets().stream().map(s -> s.process().uid()).toList());
    }

    @Test
    void withoutUsersOnlySecretsChange() {
        SocketRecord s = ReportFixtures.listener(Protocol.TCP, "127.0.0.1", 9000, 1,
                new ProcessInfo("app", "/app", "app --password=x", "alice", 1000, List.of()),
                SocketOptions.UNKNOWN);
        Audit audit = new Audit(ReportFixtures.scan("h", List.of(s)), List.of());
        Audit redacted = new Redactor(false).redact(audit, new ArrayList<>());
        assertThat(redacted.scan().sockets().get(0).process().user()).isEqualTo("alice");
        assertThat(redacted.scan().sockets().get(0).process().commandLine()).isEqualTo("app --password=***");
    }

    @Test
    void theReportSaysWhatWasRedacted() {
        Report report = new ReportExporter(RuleDescriptions.fromFindings()).prepare(ReportFixtures.demo(), List.of(),
                new ReportOptions(ReportFormat.HTML, PageSize.A4, false, true, false));
        assertThat(report.header().redactions()).singleElement().asString().contains("secrets");
    }
}

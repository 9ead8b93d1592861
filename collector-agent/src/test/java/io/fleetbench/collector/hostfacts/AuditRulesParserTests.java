package io.fleetbench.collector.hostfacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.model.snapshot.AuditSyscallRule;
import io.fleetbench.model.snapshot.AuditWatch;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditRulesParserTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-w /usr/bin/dockerd -p rwxa -k docker                        | /usr/bin/dockerd | rwxa | docker",
        "-w /etc/docker/ -p wa -k docker                              | /etc/docker      | wa   | docker",
        "-w /run/containerd                                           | /run/containerd  | ''   | ",
        "-a always,exit -F path=/usr/bin/runc -F perm=x -F key=docker | /usr/bin/runc    | x    | docker",
        "-a exit,always -F dir=/var/lib/docker -F perm=wa -k docker   | /var/lib/docker  | wa   | docker",
        "-a always,exit -S all -F path=/etc/default/docker -F key=\"d\" | /etc/default/docker | '' | d",
    })
    void watchParsed(String rule, String path, String permissions, String key) {
        AuditRulesParser parser = new AuditRulesParser();

        parser.parse(rule, "auditctl -l");

        assertThat(parser.errors()).isEmpty();
        assertThat(parser.watches()).containsExactly(new AuditWatch(path, permissions, key, "auditctl -l"));
    }

    @Test
    void syscallRuleKeepsFieldsAndSyscalls() {
        AuditRulesParser parser = new AuditRulesParser();

        parser.parse("-a always,exit -F arch=b64 -S open,openat -S creat -F auid>=1000 -F auid!=-1 -k access",
                "/etc/audit/rules.d/access.rules");

        assertThat(parser.syscallRules()).containsExactly(new AuditSyscallRule("always,exit",
                List.of("open", "openat", "creat"), List.of("arch=b64", "auid>=1000", "auid!=-1"), "access",
                "/etc/audit/rules.d/access.rules"));
        assertThat(parser.watches()).isEmpty();
    }

    @Test
    void controlRulesAndCommentsSkipped() {
        AuditRulesParser parser = new AuditRulesParser();

        parser.parse("""
                # first delete all rules
                -D
                -b 8192
                --backlog_wait_time 60000
                -f 1

                -e 2
                No rules
                """, "/etc/audit/audit.rules");

        assertThat(parser.watches()).isEmpty();
        assertThat(parser.syscallRules()).isEmpty();
        assertThat(parser.errors()).isEmpty();
    }

    @Test
    void invalidLinesNamedWithNumber() {
        AuditRulesParser parser = new AuditRulesParser();

        parser.parse("-w /usr/bin/dockerd -k docker\nwatch /etc/docker\n-a always,exit -F\n", "/etc/audit/x.rules");

        assertThat(parser.watches()).hasSize(1);
        assertThat(parser.errors()).containsExactly(
                "/etc/audit/x.rules line 2 has the unexpected word 'watch'; each rule option starts with '-'",
                "/etc/audit/x.rules line 3 has '-F' without a field=value filter");
    }
}

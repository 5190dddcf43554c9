package org.gridvault.privacy.cli;

import java.io.PrintStream;
import org.gridvault.privacy.AuditVerifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code ./gridvault audit verify}: verifies the audit log's hash chain, prints the verdict and every finding, and
 * exits with 0 when the log is intact and 1 when it is not. Reads only; writes nothing to the log.
 */
@Component
@ConditionalOnProperty(name = "gridvault.command", havingValue = "audit-verify")
class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

    static final int BROKEN = 1;

    private final AuditVerifier verifier;
    private final PrintStream out = System.out;
    private int exitCode = BROKEN;

    AuditVerifyCommand(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void run(ApplicationArguments args) {
        var verdict = verifier.verify();
        out.println(verdict.summary());
        for (var finding : verdict.findings()) {
            out.printf("  entry %d: %s: %s%n", finding.seq(), finding.kind().code(), finding.description());
        }
        if (verdict.findingsTruncated()) {
            out.println("  (more findings not listed)");
        }
        exitCode = verdict.ok() ? 0 : BROKEN;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}

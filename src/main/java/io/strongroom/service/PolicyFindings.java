package io.strongroom.service;

import io.strongroom.domain.PolicyCheckResult;
import io.strongroom.domain.PolicyFinding;
import software.amazon.awssdk.services.accessanalyzer.model.Location;
import software.amazon.awssdk.services.accessanalyzer.model.PathElement;
import software.amazon.awssdk.services.accessanalyzer.model.Position;
import software.amazon.awssdk.services.accessanalyzer.model.ReasonSummary;
import software.amazon.awssdk.services.accessanalyzer.model.Span;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFinding;

import java.util.List;
import java.util.Locale;

/** Access Analyzer's shapes mapped onto the domain's policy records. */
final class PolicyFindings {

    private PolicyFindings() {}

    /** One ValidatePolicy finding; its first location, when it has one, gives the path and span. */
    static PolicyFinding finding(ValidatePolicyFinding f) {
        Location at = f.hasLocations() && !f.locations().isEmpty() ? f.locations().get(0) : null;
        return new PolicyFinding(severity(f.findingTypeAsString()), f.issueCode(), f.findingDetails(),
                at == null ? "" : path(at.path()), at == null ? null : span(at.span()), f.learnMoreLink());
    }

    /** An unknown finding type (one AWS adds later) is kept as a warning rather than dropped. */
    static PolicyFinding.Severity severity(String type) {
        if (type == null) {
            return PolicyFinding.Severity.WARNING;
        }
        try {
            return PolicyFinding.Severity.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return PolicyFinding.Severity.WARNING;
        }
    }

    /** {@code [value Statement, index 0, value Effect]} → {@code Statement[0].Effect}. */
    static String path(List<PathElement> elements) {
        StringBuilder out = new StringBuilder();
        for (PathElement e : elements) {
            if (e.index() != null) {
                out.append('[').append(e.index()).append(']');
            } else if (e.substring() != null) {
                out.append("[").append(e.substring().start()).append(':')
                        .append(e.substring().start() + e.substring().length()).append(']');
            } else {
                String name = e.key() != null ? e.key() : e.value();
                if (name != null) {
                    out.append(out.isEmpty() ? "" : ".").append(name);
                }
            }
        }
        return out.toString();
    }

    private static PolicyFinding.Span span(Span s) {
        if (s == null || s.start() == null || s.end() == null) {
            return null;
        }
        return new PolicyFinding.Span(position(s.start()), position(s.end()));
    }

    private static PolicyFinding.Position position(Position p) {
        return new PolicyFinding.Position(nz(p.line(), 1), nz(p.column(), 0), nz(p.offset(), 0));
    }

    private static int nz(Integer i, int otherwise) {
        return i == null ? otherwise : i;
    }

    static PolicyCheckResult result(String outcome, String message, List<ReasonSummary> reasons) {
        PolicyCheckResult.Outcome o = "PASS".equals(outcome) ? PolicyCheckResult.Outcome.PASS : PolicyCheckResult.Outcome.FAIL;
        return new PolicyCheckResult(o, message, reasons.stream()
                .map(r -> new PolicyCheckResult.Reason(r.description(), r.statementIndex(), r.statementId())).toList());
    }
}

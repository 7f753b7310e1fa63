package io.strongroom.local.iam.api;

import io.strongroom.local.http.Xml;
import io.strongroom.local.iam.AccessTarget;
import io.strongroom.local.iam.Simulator;
import io.strongroom.local.policy.Decision;
import io.strongroom.local.policy.StatementSpans;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulator's {@code EvaluationResult} shape as XML, members in the model's order. A result on
 * a named resource carries its {@code ResourceSpecificResults} (one, for that resource), and its
 * missing context keys are listed there rather than at the top, as the model's documentation
 * says; a result on {@code *} lists them at the top and has no resource-specific results.
 */
final class SimulationXml {

    private SimulationXml() {
    }

    /** IAM's wire name of a decision. */
    static String decision(Decision.Outcome outcome) {
        return switch (outcome) {
            case ALLOW -> "allowed";
            case EXPLICIT_DENY -> "explicitDeny";
            case IMPLICIT_DENY -> "implicitDeny";
        };
    }

    static String result(Simulator.Result r) {
        boolean named = !AccessTarget.ANY.equals(r.resource());
        StringBuilder sb = new StringBuilder(512);
        sb.append(Xml.element("EvalActionName", r.action()))
                .append(Xml.element("EvalResourceName", r.resource()))
                .append(Xml.element("EvalDecision", decision(r.outcome())))
                .append(statements(r.matched()))
                .append(keys(named ? List.of() : r.missingContext()));
        if (r.details() != null) {
            sb.append(details(r.details()));
        }
        if (named) {
            StringBuilder specific = new StringBuilder(256);
            specific.append(Xml.element("EvalResourceName", r.resource()))
                    .append(Xml.element("EvalResourceDecision", decision(r.outcome())))
                    .append(statements(r.matched()))
                    .append(keys(r.missingContext()));
            if (r.details() != null && !r.details().isEmpty()) {
                specific.append(details(r.details()));
            }
            sb.append(IamXml.list("ResourceSpecificResults", List.of(specific.toString())));
        }
        return sb.toString();
    }

    private static String statements(List<Simulator.MatchedStatement> matched) {
        List<String> members = new ArrayList<>(matched.size());
        for (Simulator.MatchedStatement m : matched) {
            StringBuilder sb = new StringBuilder(Xml.element("SourcePolicyId", m.sourceId()))
                    .append(Xml.element("SourcePolicyType", m.sourceType()));
            if (m.span() != null) {
                sb.append(position("StartPosition", m.span().start())).append(position("EndPosition", m.span().end()));
            }
            members.add(sb.toString());
        }
        return IamXml.list("MatchedStatements", members);
    }

    private static String position(String name, StatementSpans.Position p) {
        return "<" + name + ">" + Xml.element("Line", Integer.toString(p.line()))
                + Xml.element("Column", Integer.toString(p.column())) + "</" + name + ">";
    }

    private static String keys(List<String> keys) {
        return IamXml.list("MissingContextValues", keys.stream().map(Xml::escape).toList());
    }

    /** A map as the query protocol writes one: {@code <entry><key/><value/></entry>}. */
    private static String details(Map<String, Decision.Outcome> details) {
        StringBuilder sb = new StringBuilder("<EvalDecisionDetails>");
        details.forEach((side, outcome) -> sb.append("<entry>").append(Xml.element("key", side))
                .append(Xml.element("value", decision(outcome))).append("</entry>"));
        return sb.append("</EvalDecisionDetails>").toString();
    }
}

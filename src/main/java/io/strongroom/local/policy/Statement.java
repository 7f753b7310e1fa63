package io.strongroom.local.policy;

import java.util.List;
import java.util.Objects;

/**
 * One statement, parsed and compiled: its Sid (or null) and position, effect, principals
 * (Principal or NotPrincipal, null when the statement has neither), actions (case-insensitive
 * wildcards) and resources (case-sensitive, with policy variables), each possibly negated, and
 * its conditions, all of which must hold.
 */
public final class Statement {

    private final String sid;
    private final int index;
    private final Effect effect;
    private final Principals principals;
    private final boolean notPrincipal;
    private final List<String> actions;
    private final boolean notAction;
    private final List<String> resources;
    private final boolean notResource;
    private final List<Condition> conditions;
    private final Wildcard[] actionPatterns;
    private final ValuePattern[] resourcePatterns;
    private final boolean anyAction;

    Statement(String sid, int index, Effect effect, Principals principals, boolean notPrincipal,
              List<String> actions, boolean notAction, List<String> resources, boolean notResource,
              List<Condition> conditions) {
        this(sid, index, effect, principals, notPrincipal, actions, notAction, resources, notResource, conditions, true);
    }

    /**
     * {@code variables} is whether {@code ${...}} in a Resource is a policy variable: AWS reads
     * variables only in a policy whose Version is 2012-10-17 and takes them as literal text
     * otherwise (IAM User Guide, "Policy variables" and "Version").
     */
    Statement(String sid, int index, Effect effect, Principals principals, boolean notPrincipal,
              List<String> actions, boolean notAction, List<String> resources, boolean notResource,
              List<Condition> conditions, boolean variables) {
        this.sid = sid;
        this.index = index;
        this.effect = Objects.requireNonNull(effect, "effect");
        this.principals = principals;
        this.notPrincipal = notPrincipal;
        this.actions = List.copyOf(actions);
        this.notAction = notAction;
        this.resources = resources == null ? null : List.copyOf(resources);
        this.notResource = notResource;
        this.conditions = List.copyOf(conditions);
        this.actionPatterns = this.actions.stream().map(a -> Wildcard.of(a, true)).toArray(Wildcard[]::new);
        this.resourcePatterns = this.resources == null ? null
                : this.resources.stream().map(r -> ValuePattern.of(r, false, true, variables)).toArray(ValuePattern[]::new);
        boolean any = false;
        for (Wildcard pattern : actionPatterns) {
            any |= pattern.matchesAnything();
        }
        this.anyAction = any;
    }

    public String sid() {
        return sid;
    }

    public int index() {
        return index;
    }

    public Effect effect() {
        return effect;
    }

    /** The Principal or NotPrincipal element, or null. */
    public Principals principals() {
        return principals;
    }

    public boolean notPrincipal() {
        return notPrincipal;
    }

    public List<String> actions() {
        return actions;
    }

    public boolean notAction() {
        return notAction;
    }

    /** The Resource or NotResource entries, or null when the statement has neither. */
    public List<String> resources() {
        return resources;
    }

    public boolean notResource() {
        return notResource;
    }

    public List<Condition> conditions() {
        return conditions;
    }

    /** The Sid, or the statement's position when it has none: how a decision names it. */
    public String label() {
        return sid != null && !sid.isEmpty() ? sid : "Statement[" + index + "]";
    }

    boolean coversAction(String action) {
        if (!notAction && anyAction) {
            return true;
        }
        boolean named = false;
        for (Wildcard pattern : actionPatterns) {
            if (pattern.matches(action)) {
                named = true;
                break;
            }
        }
        return named != notAction;
    }

    boolean coversResource(AccessRequest request) {
        if (resourcePatterns == null) {
            return true;
        }
        boolean named = false;
        for (ValuePattern pattern : resourcePatterns) {
            Wildcard resolved = pattern.resolve(request, true);
            if (resolved != null && resolved.matches(request.resourceArn())) {
                named = true;
                break;
            }
        }
        return named != notResource;
    }

    boolean conditionsHold(AccessRequest request) {
        for (Condition condition : conditions) {
            if (!condition.holds(request)) {
                return false;
            }
        }
        return true;
    }

    /** How the statement's Principal/NotPrincipal applies to the principal (DIRECT when it has neither). */
    Principals.Match principalMatch(RequestPrincipal principal) {
        if (principals == null) {
            return Principals.Match.DIRECT;
        }
        if (notPrincipal) {
            return principals.excludes(principal) ? Principals.Match.NONE : Principals.Match.DIRECT;
        }
        return principals.match(principal);
    }
}

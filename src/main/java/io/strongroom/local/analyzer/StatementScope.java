package io.strongroom.local.analyzer;

import io.strongroom.local.policy.Condition;
import io.strongroom.local.policy.Effect;
import io.strongroom.local.policy.Principals;
import io.strongroom.local.policy.Statement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one parsed statement reaches, as the policy checks compare it: its principals, actions and
 * resources (each everything, the patterns listed, or everything but them) and its conditions,
 * all of which must hold. A statement matches a request when the request's principal, action and
 * resource are each in reach and every condition holds.
 *
 * <p>The comparisons err one way only. {@link #coveredBy} answers true only when every request
 * the statement matches is matched by one of the others (never a false true); the pattern and
 * principal tests it builds on are exact where stated and otherwise answer "not covered".
 *
 * <ul>
 *   <li><b>Actions</b> are compared as wildcards ignoring case, resources as case-sensitive
 *       wildcards ({@link GlobContainment}, exact).</li>
 *   <li><b>Policy variables</b> ({@code ${aws:username}}) in a resource: a pattern whose matches
 *       must be bounded from above reads each variable as {@code *} (a variable stands for some
 *       text, and a variable with no value makes the entry match nothing); a pattern that must
 *       cover another covers only the same text, written under the same policy Version (the same
 *       text then resolves the same way in both).</li>
 *   <li><b>Principals</b> are compared by value, as the store's evaluator matches them (account IDs
 *       are already root ARNs). {@code "*"} covers every principal. For an Allow, a root ARN covers
 *       only the account itself: naming a user or role directly lets it in without its own identity
 *       policy (in the same account, and always for a KMS key), which delegating to the account
 *       does not, so that is new access. For a Deny, a root ARN covers every principal of that
 *       account, as a Deny naming the account applies to all of them. A NotPrincipal statement is
 *       read as reaching everyone, and covers nothing.</li>
 *   <li><b>NotAction/NotResource</b>: everything but a list covers a pattern disjoint from every
 *       pattern of the list, and covers everything-but-another-list when each of its exclusions is
 *       contained in one of the other's; a list of patterns covers everything-but only through
 *       {@code *}.</li>
 *   <li><b>Conditions</b>: a covering statement's conditions must be a subset of the covered one's
 *       (the same operator, set qualifier, IfExists, key ignoring case, and the same set of
 *       values): every condition of the cover then holds whenever the covered statement's all
 *       hold. No other implication between conditions is drawn.</li>
 * </ul>
 */
final class StatementScope {

    /** Which elements a dimension reaches. */
    enum Kind {
        /** Everything. */
        ANY,
        /** The patterns listed (none: nothing). */
        ONLY,
        /** Everything but the patterns listed. */
        EXCEPT
    }

    /** A principal named by type and value. */
    record Named(String type, String value) {}

    /** One dimension: actions (ignoring case) or resources (exactly). */
    record Dimension(Kind kind, List<String> patterns, boolean ignoreCase) {
        Dimension {
            patterns = List.copyOf(patterns);
        }
    }

    /** The principal dimension: ANY, ONLY the names, or EXCEPT them (a NotPrincipal). */
    record PrincipalDimension(Kind kind, List<Named> names) {
        PrincipalDimension {
            names = List.copyOf(names);
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}");
    private static final Pattern ROOT_ARN = Pattern.compile("arn:[^:]+:iam::([0-9]{12}):root");
    private static final Pattern IAM_ARN_ACCOUNT = Pattern.compile("arn:[^:]+:(?:iam|sts)::([0-9]{12}):.+");

    private final Statement statement;
    private final String dialect;
    private final PrincipalDimension principals;
    private final Dimension actions;
    private final Dimension resources;

    private StatementScope(Statement statement, String dialect) {
        this.statement = statement;
        this.dialect = dialect;
        this.principals = principals(statement);
        this.actions = dimension(statement.actions(), statement.notAction(), true);
        this.resources = statement.resources() == null ? new Dimension(Kind.ANY, List.of(), false)
                : dimension(statement.resources(), statement.notResource(), false);
    }

    /**
     * The statement's scope; {@code version} is its policy's Version (or null), which decides how
     * policy variables read.
     */
    static StatementScope of(Statement statement, String version) {
        return new StatementScope(statement, Objects.requireNonNullElse(version, ""));
    }

    Statement statement() {
        return statement;
    }

    Effect effect() {
        return statement.effect();
    }

    Dimension actions() {
        return actions;
    }

    Dimension resources() {
        return resources;
    }

    PrincipalDimension principals() {
        return principals;
    }

    /**
     * Whether every request this statement matches is matched by one of {@code covers}, each box
     * (one principal, one action pattern, one resource pattern of this statement) by a single one
     * whose conditions are a subset of this statement's. {@code denyPrincipals} reads a root ARN
     * of {@code covers} as covering the whole account, as a Deny does.
     */
    boolean coveredBy(List<StatementScope> covers, boolean denyPrincipals) {
        for (PrincipalDimension p : principalElements()) {
            for (Dimension a : elements(actions)) {
                for (Dimension r : elements(resources)) {
                    boolean covered = false;
                    for (StatementScope t : covers) {
                        if (principalCovers(t.principals, p, denyPrincipals) && dimensionCovers(t.actions, t.dialect, a, dialect)
                                && dimensionCovers(t.resources, t.dialect, r, dialect) && conditionsWeaker(t, this)) {
                            covered = true;
                            break;
                        }
                    }
                    if (!covered) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Whether the box of the given action and resource patterns (null: any), for every principal
     * this statement reaches, is covered by one of {@code denies} with no condition this
     * statement lacks: then no request of that box this statement allows gets through.
     */
    boolean boxDeniedBy(String action, String resource, List<StatementScope> denies) {
        Dimension a = action == null ? new Dimension(Kind.ANY, List.of(), true) : new Dimension(Kind.ONLY, List.of(action), true);
        Dimension r = resource == null ? new Dimension(Kind.ANY, List.of(), false) : new Dimension(Kind.ONLY, List.of(resource), false);
        for (PrincipalDimension p : principalElements()) {
            boolean covered = false;
            for (StatementScope d : denies) {
                if (principalCovers(d.principals, p, true) && dimensionCovers(d.actions, d.dialect, a, "")
                        && dimensionCovers(d.resources, d.dialect, r, "") && conditionsWeaker(d, this)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    /** Whether some string the pattern matches may be in the dimension's reach (false only when surely not). */
    static boolean mayReach(Dimension dimension, String pattern) {
        return switch (dimension.kind()) {
            case ANY -> true;
            case ONLY -> dimension.patterns().stream().anyMatch(p -> patternsMayMeet(p, pattern, dimension.ignoreCase()));
            // Surely outside only when the pattern is within one exclusion.
            case EXCEPT -> dimension.patterns().stream().noneMatch(e -> patternContains(e, "", pattern, "", dimension.ignoreCase()));
        };
    }

    // ---- Dimensions -----------------------------------------------------------------------------

    private static Dimension dimension(List<String> patterns, boolean negated, boolean ignoreCase) {
        if (negated) {
            return patterns.isEmpty() ? new Dimension(Kind.ANY, List.of(), ignoreCase) : new Dimension(Kind.EXCEPT, patterns, ignoreCase);
        }
        if (patterns.contains("*")) {
            return new Dimension(Kind.ANY, List.of(), ignoreCase);
        }
        return new Dimension(Kind.ONLY, patterns, ignoreCase);
    }

    /** The dimension split into the pieces a box takes: each listed pattern, or the whole. */
    private static List<Dimension> elements(Dimension d) {
        if (d.kind() != Kind.ONLY) {
            return List.of(d);
        }
        List<Dimension> out = new ArrayList<>(d.patterns().size());
        for (String p : d.patterns()) {
            out.add(new Dimension(Kind.ONLY, List.of(p), d.ignoreCase()));
        }
        return out;
    }

    /** Whether {@code cover} reaches every element {@code piece} reaches (a piece is ANY, EXCEPT, or ONLY one pattern). */
    private static boolean dimensionCovers(Dimension cover, String coverDialect, Dimension piece, String pieceDialect) {
        boolean ic = cover.ignoreCase();
        return switch (cover.kind()) {
            case ANY -> true;
            case ONLY -> piece.kind() == Kind.ONLY
                    && cover.patterns().stream().anyMatch(q -> patternContains(q, coverDialect, piece.patterns().get(0), pieceDialect, ic));
            case EXCEPT -> switch (piece.kind()) {
                case ANY -> false;
                // Everything but E reaches p when p meets no exclusion.
                case ONLY -> cover.patterns().stream().noneMatch(e -> patternsMayMeet(e, piece.patterns().get(0), ic));
                // Everything but E reaches everything but F when each exclusion of E lies within one of F.
                case EXCEPT -> cover.patterns().stream().allMatch(e ->
                        piece.patterns().stream().anyMatch(f -> patternContains(f, pieceDialect, e, coverDialect, ic)));
            };
        };
    }

    /**
     * Whether {@code outer} surely matches everything {@code inner} may match. Variables in
     * {@code inner} read as {@code *}; {@code outer} with variables covers only the same text under
     * the same (non-empty) dialect.
     */
    static boolean patternContains(String outer, String outerDialect, String inner, String innerDialect, boolean ignoreCase) {
        if (outer.contains("${")) {
            return outer.equals(inner) && !outerDialect.isEmpty() && outerDialect.equals(innerDialect);
        }
        return GlobContainment.contains(outer, widen(inner), ignoreCase);
    }

    /** Whether two patterns may match a common string (variables read as {@code *}). */
    static boolean patternsMayMeet(String a, String b, boolean ignoreCase) {
        return GlobContainment.intersects(widen(a), widen(b), ignoreCase);
    }

    private static String widen(String pattern) {
        return pattern.contains("${") ? VARIABLE.matcher(pattern).replaceAll("*") : pattern;
    }

    // ---- Principals -----------------------------------------------------------------------------

    private static PrincipalDimension principals(Statement statement) {
        Principals p = statement.principals();
        if (p == null) {
            // An identity policy: the principal is whoever the policy is attached to, the same for both.
            return new PrincipalDimension(Kind.ANY, List.of());
        }
        List<Named> names = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : p.byType().entrySet()) {
            for (String v : e.getValue()) {
                if (!(Principals.AWS.equals(e.getKey()) && "*".equals(v))) {
                    names.add(new Named(e.getKey(), v));
                }
            }
        }
        if (statement.notPrincipal()) {
            return new PrincipalDimension(Kind.EXCEPT, names);
        }
        return p.everyone() ? new PrincipalDimension(Kind.ANY, List.of()) : new PrincipalDimension(Kind.ONLY, names);
    }

    /** The principal pieces of boxes: each named principal, or the whole (a NotPrincipal read as everyone). */
    private List<PrincipalDimension> principalElements() {
        if (principals.kind() != Kind.ONLY) {
            return List.of(new PrincipalDimension(Kind.ANY, List.of()));
        }
        List<PrincipalDimension> out = new ArrayList<>();
        for (Named n : principals.names()) {
            out.add(new PrincipalDimension(Kind.ONLY, List.of(n)));
        }
        return out;
    }

    private static boolean principalCovers(PrincipalDimension cover, PrincipalDimension piece, boolean denyPrincipals) {
        return switch (cover.kind()) {
            case ANY -> true;
            case EXCEPT -> false;
            case ONLY -> piece.kind() == Kind.ONLY
                    && cover.names().stream().anyMatch(c -> namedCovers(c, piece.names().get(0), denyPrincipals));
        };
    }

    private static boolean namedCovers(Named cover, Named piece, boolean denyPrincipals) {
        if (cover.equals(piece)) {
            return true;
        }
        if (!denyPrincipals || !Principals.AWS.equals(cover.type()) || !Principals.AWS.equals(piece.type())) {
            return false;
        }
        String account = accountOfRoot(cover.value());
        return account != null && account.equals(accountOf(piece.value()));
    }

    private static String accountOfRoot(String arn) {
        var m = ROOT_ARN.matcher(arn);
        return m.matches() ? m.group(1) : null;
    }

    private static String accountOf(String arn) {
        var m = IAM_ARN_ACCOUNT.matcher(arn);
        return m.matches() ? m.group(1) : null;
    }

    // ---- Conditions -----------------------------------------------------------------------------

    /** Whether every condition of {@code cover} is also one of {@code covered}'s. */
    private static boolean conditionsWeaker(StatementScope cover, StatementScope covered) {
        for (Condition c : cover.statement.conditions()) {
            boolean found = false;
            for (Condition d : covered.statement.conditions()) {
                if (sameCondition(c, cover.dialect, d, covered.dialect)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameCondition(Condition a, String aDialect, Condition b, String bDialect) {
        if (a.operator() != b.operator() || a.qualifier() != b.qualifier() || a.ifExists() != b.ifExists()
                || !a.key().toLowerCase(Locale.ROOT).equals(b.key().toLowerCase(Locale.ROOT))) {
            return false;
        }
        Set<String> av = new HashSet<>(a.values());
        if (!av.equals(new HashSet<>(b.values()))) {
            return false;
        }
        boolean variables = av.stream().anyMatch(v -> v.contains("${"));
        return !variables || aDialect.equals(bDialect);
    }
}

package io.strongroom.local.policy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an IAM JSON policy into a {@link PolicyDocument} and reports what is wrong with it as
 * {@link Finding}s named with Access Analyzer's issue codes, never as exceptions. Element names
 * are case-sensitive, as the grammar has them.
 */
public final class PolicyParser {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    /** The only Version under which ${...} is a policy variable. */
    private static final String VARIABLES_VERSION = "2012-10-17";
    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9*?]+");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern IAM_PRINCIPAL_ARN = Pattern.compile("arn:aws[a-z-]*:(iam|sts)::([0-9]{12}):.+");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+|[a-z0-9*?-]*[*?][a-z0-9*?-]*|");
    private static final Pattern ARN_ACCOUNT = Pattern.compile("[0-9]{12}|[0-9*?]*[*?][0-9*?]*|aws|");
    private static final Set<String> PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b");
    private static final Pattern CONDITION_KEY = Pattern.compile("[A-Za-z0-9-]+:[^\\s]+");

    private PolicyParser() {
    }

    public static ParsedPolicy parse(String text, PolicyType type) {
        List<Finding> findings = new ArrayList<>();
        JsonNode root;
        try {
            root = text == null ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            findings.add(Finding.error("JSON_SYNTAX_ERROR", "", syntaxMessage(e)));
            return new ParsedPolicy(null, findings);
        }
        if (root == null || !root.isObject()) {
            findings.add(Finding.error("JSON_SYNTAX_ERROR", "", "The policy must be a JSON object."));
            return new ParsedPolicy(null, findings);
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!TOP_LEVEL.contains(name)) {
                findings.add(Finding.error("INVALID_POLICY_ELEMENT", name, "The element " + name + " is not valid at the top of a policy."));
            }
        });
        String version = text(root, "Version", "Version", findings);
        if (version == null && !root.has("Version")) {
            findings.add(Finding.warning("MISSING_VERSION", "",
                    "Add a Version element with the value 2012-10-17; without it, policy variables are not supported."));
        } else if (version != null && !VERSIONS.contains(version)) {
            findings.add(Finding.error("INVALID_VERSION", "Version",
                    "The Version " + version + " is not valid: use 2012-10-17 (or 2008-10-17)."));
        }
        String id = text(root, "Id", "Id", findings);
        boolean variables = VARIABLES_VERSION.equals(version);
        JsonNode statementNode = root.get("Statement");
        List<Statement> statements = new ArrayList<>();
        if (statementNode == null) {
            findings.add(Finding.error("MISSING_STATEMENT", "", "Add a Statement element to the policy."));
        } else if (statementNode.isObject()) {
            statement(statementNode, 0, "Statement", type, variables, findings, statements);
        } else if (statementNode.isArray()) {
            if (statementNode.isEmpty()) {
                findings.add(Finding.error("MISSING_STATEMENT", "Statement", "Add at least one statement to the policy."));
            }
            for (int i = 0; i < statementNode.size(); i++) {
                statement(statementNode.get(i), i, "Statement[" + i + "]", type, variables, findings, statements);
            }
        } else {
            findings.add(mismatch("Statement", "an object or an array of objects"));
        }
        if (type.namesPrincipals()) {
            Set<String> sids = new HashSet<>();
            for (Statement statement : statements) {
                if (statement.sid() != null && !sids.add(statement.sid())) {
                    findings.add(Finding.error("UNIQUE_SIDS_REQUIRED", location(statementNode, statement.index()) + ".Sid",
                            "Duplicate statement ID " + statement.sid() + ": use a unique Sid for each statement."));
                }
            }
        }
        return new ParsedPolicy(new PolicyDocument(version, id, statements), findings);
    }

    private static String location(JsonNode statements, int index) {
        return statements != null && statements.isArray() ? "Statement[" + index + "]" : "Statement";
    }

    private static void statement(JsonNode node, int index, String at, PolicyType type, boolean variables,
                                  List<Finding> findings, List<Statement> out) {
        if (!node.isObject()) {
            findings.add(mismatch(at, "an object"));
            return;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!ELEMENTS.contains(name)) {
                findings.add(Finding.error("INVALID_POLICY_ELEMENT", at + "." + name, "The element " + name + " is not valid in a statement."));
            }
        });
        String sid = text(node, "Sid", at + ".Sid", findings);
        String effectText = text(node, "Effect", at + ".Effect", findings);
        Effect effect = null;
        if (!node.has("Effect")) {
            findings.add(Finding.error("MISSING_EFFECT", at, "Add an Effect element with the value Allow or Deny."));
        } else if ("Allow".equals(effectText)) {
            effect = Effect.ALLOW;
        } else if ("Deny".equals(effectText)) {
            effect = Effect.DENY;
        } else if (effectText != null) {
            findings.add(Finding.error("INVALID_EFFECT", at + ".Effect",
                    "The Effect value " + effectText + " is not valid: use Allow or Deny (case-sensitive)."));
        }

        exclusive(node, "Principal", "NotPrincipal", at, findings);
        exclusive(node, "Action", "NotAction", at, findings);
        exclusive(node, "Resource", "NotResource", at, findings);

        boolean notPrincipal = !node.has("Principal") && node.has("NotPrincipal");
        String principalName = notPrincipal ? "NotPrincipal" : "Principal";
        Principals principals = null;
        if (node.has(principalName)) {
            if (type == PolicyType.IDENTITY_POLICY) {
                findings.add(Finding.error("UNSUPPORTED_PRINCIPAL", at + "." + principalName,
                        "An identity policy does not support the " + principalName + " element: delete it."));
            }
            principals = principals(node.get(principalName), at + "." + principalName, findings);
        } else if (type.namesPrincipals()) {
            findings.add(Finding.error("MISSING_PRINCIPAL", at, "Add a Principal element to the statement."));
        }

        boolean notAction = !node.has("Action") && node.has("NotAction");
        String actionName = notAction ? "NotAction" : "Action";
        List<String> actions = List.of();
        if (!node.has(actionName)) {
            findings.add(Finding.error("MISSING_ACTION", at, "Add an Action or NotAction element to the statement."));
        } else {
            actions = strings(node.get(actionName), at + "." + actionName, findings, "EMPTY_ARRAY_ACTION");
            checkActions(actions, node.get(actionName), at + "." + actionName, findings);
        }

        boolean notResource = !node.has("Resource") && node.has("NotResource");
        String resourceName = notResource ? "NotResource" : "Resource";
        List<String> resources = null;
        if (!node.has(resourceName)) {
            if (type != PolicyType.TRUST_POLICY) {
                findings.add(Finding.error("MISSING_RESOURCE", at, "Add a Resource or NotResource element to the statement."));
            }
        } else {
            resources = strings(node.get(resourceName), at + "." + resourceName, findings, "EMPTY_ARRAY_RESOURCE");
            checkResources(resources, node.get(resourceName), at + "." + resourceName, findings);
        }

        List<Condition> conditions = node.has("Condition") ? conditions(node.get("Condition"), at + ".Condition", variables, findings)
                : List.of();
        if (effect != null) {
            out.add(new Statement(sid, index, effect, principals, notPrincipal, actions, notAction, resources, notResource,
                    conditions, variables));
        }
    }

    private static void exclusive(JsonNode node, String element, String negated, String at, List<Finding> findings) {
        if (node.has(element) && node.has(negated)) {
            findings.add(Finding.error("UNSUPPORTED_ELEMENT_COMBINATION", at,
                    "A statement cannot have both " + element + " and " + negated + ": keep one."));
        }
    }

    private static Principals principals(JsonNode node, String at, List<Finding> findings) {
        if (node.isTextual()) {
            if (!"*".equals(node.asText())) {
                findings.add(Finding.error("INVALID_PRINCIPAL_FORMAT", at,
                        "A principal given as a string must be \"*\"; name others as {\"AWS\": ...}."));
            }
            return new Principals("*".equals(node.asText()), Map.of());
        }
        if (!node.isObject()) {
            findings.add(mismatch(at, "\"*\" or an object"));
            return new Principals(false, Map.of());
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        boolean everyone = false;
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String key = field.getKey();
            String keyAt = at + "." + key;
            if (!PRINCIPAL_TYPES.contains(key)) {
                findings.add(Finding.error("INVALID_PRINCIPAL_KEY", keyAt,
                        "The principal type " + key + " is not valid: use AWS, Service, Federated or CanonicalUser."));
                continue;
            }
            List<String> values = strings(field.getValue(), keyAt, findings, "EMPTY_ARRAY_PRINCIPAL");
            List<String> normalized = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                String valueAt = field.getValue().isArray() ? keyAt + "[" + i + "]" : keyAt;
                if (Principals.AWS.equals(key)) {
                    if ("*".equals(value)) {
                        everyone = true;
                    } else if (ACCOUNT.matcher(value).matches()) {
                        normalized.add(RequestPrincipal.rootArn(value));
                        continue;
                    } else if (!IAM_PRINCIPAL_ARN.matcher(value).matches()) {
                        findings.add(Finding.error("INVALID_PRINCIPAL_FORMAT", valueAt, "The AWS principal " + value
                                + " is not valid: use \"*\", a 12-digit account ID or an IAM or STS ARN."));
                    }
                }
                normalized.add(value);
            }
            byType.put(key, List.copyOf(normalized));
        }
        if (byType.isEmpty() && !everyone) {
            findings.add(Finding.suggestion("EMPTY_OBJECT_PRINCIPAL", at, "The principal object is empty: name a principal."));
        }
        return new Principals(everyone, byType);
    }

    private static void checkActions(List<String> actions, JsonNode node, String at, List<Finding> findings) {
        for (int i = 0; i < actions.size(); i++) {
            String action = actions.get(i);
            String actionAt = node.isArray() ? at + "[" + i + "]" : at;
            if (!"*".equals(action) && !ACTION.matcher(action).matches()) {
                findings.add(Finding.error("INVALID_ACTION", actionAt,
                        "The action " + action + " is not valid: write it as service:Action (wildcards * and ? allowed)."));
                continue;
            }
            for (int j = 0; j < actions.size(); j++) {
                if (j != i && !actions.get(j).equalsIgnoreCase(action) && Wildcard.of(actions.get(j), true).matches(action)) {
                    findings.add(Finding.suggestion("REDUNDANT_ACTION", actionAt,
                            "The action " + action + " is already covered by " + actions.get(j) + ": remove it."));
                    break;
                }
            }
        }
    }

    private static void checkResources(List<String> resources, JsonNode node, String at, List<Finding> findings) {
        for (int i = 0; i < resources.size(); i++) {
            String resource = resources.get(i);
            String resourceAt = node.isArray() ? at + "[" + i + "]" : at;
            Finding problem = arnProblem(resource, resourceAt);
            if (problem != null) {
                findings.add(problem);
                continue;
            }
            for (int j = 0; j < resources.size(); j++) {
                if (j != i && !resources.get(j).equals(resource) && Wildcard.of(resources.get(j), false).matches(resource)) {
                    findings.add(Finding.suggestion("REDUNDANT_RESOURCE", resourceAt,
                            "The resource " + resource + " is already covered by " + resources.get(j) + ": remove it."));
                    break;
                }
            }
        }
    }

    private static Finding arnProblem(String resource, String at) {
        if ("*".equals(resource)) {
            return null;
        }
        if (!resource.startsWith("arn:")) {
            return Finding.error("INVALID_ARN_PREFIX", at, "The resource " + resource + " must be \"*\" or an ARN starting with arn:.");
        }
        String[] fields = resource.split(":", 6);
        if (fields.length < 6) {
            return Finding.error("MISSING_ARN_FIELD", at,
                    "The ARN " + resource + " lacks fields: write arn:partition:service:region:account:resource.");
        }
        if (!PARTITIONS.contains(fields[1]) && !fields[1].contains("*") && !fields[1].contains("$")) {
            return Finding.error("INVALID_PARTITION", at, "The partition " + fields[1] + " in " + resource + " is not valid.");
        }
        if (!REGION.matcher(fields[3]).matches() && !fields[3].contains("$")) {
            return Finding.error("INVALID_ARN_REGION", at, "The Region " + fields[3] + " in " + resource + " is not valid.");
        }
        if (!ARN_ACCOUNT.matcher(fields[4]).matches() && !fields[4].contains("$")) {
            return Finding.error("INVALID_ARN_ACCOUNT", at,
                    "The account " + fields[4] + " in " + resource + " is not valid: use a 12-digit account ID.");
        }
        if (fields[5].isEmpty()) {
            return Finding.error("INVALID_ARN_RESOURCE", at, "The ARN " + resource + " names no resource.");
        }
        return null;
    }

    private static List<Condition> conditions(JsonNode node, String at, boolean variables, List<Finding> findings) {
        if (!node.isObject()) {
            findings.add(mismatch(at, "an object of condition operators"));
            return List.of();
        }
        List<Condition> conditions = new ArrayList<>();
        var operators = node.fields();
        while (operators.hasNext()) {
            var entry = operators.next();
            String name = entry.getKey();
            String operatorAt = at + "." + name;
            Condition.Qualifier qualifier = Condition.Qualifier.NONE;
            String base = name;
            if (name.regionMatches(true, 0, "ForAnyValue:", 0, 12)) {
                qualifier = Condition.Qualifier.FOR_ANY_VALUE;
                base = name.substring(12);
            } else if (name.regionMatches(true, 0, "ForAllValues:", 0, 13)) {
                qualifier = Condition.Qualifier.FOR_ALL_VALUES;
                base = name.substring(13);
            }
            boolean ifExists = base.toLowerCase(Locale.ROOT).endsWith("ifexists");
            if (ifExists) {
                base = base.substring(0, base.length() - "IfExists".length());
            }
            ConditionOperator operator = ConditionOperator.named(base);
            if (operator == null) {
                findings.add(Finding.error("INVALID_CONDITION_OPERATOR", operatorAt, "The condition operator " + name + " is not valid."));
                continue;
            }
            if (operator == ConditionOperator.NULL && ifExists) {
                findings.add(Finding.error("NULL_WITH_IF_EXISTS", operatorAt,
                        "The Null operator cannot be used with IfExists: remove IfExists."));
                continue;
            }
            if (!entry.getValue().isObject()) {
                findings.add(mismatch(operatorAt, "an object of condition keys"));
                continue;
            }
            var keys = entry.getValue().fields();
            while (keys.hasNext()) {
                var keyEntry = keys.next();
                String key = keyEntry.getKey();
                String keyAt = operatorAt + "." + key;
                if (!CONDITION_KEY.matcher(key).matches()) {
                    findings.add(Finding.error("INVALID_CONDITION_KEY_FORMAT", keyAt,
                            "The condition key " + key + " is not valid: write it as service:key."));
                    continue;
                }
                List<String> values = strings(keyEntry.getValue(), keyAt, findings, "EMPTY_ARRAY_CONDITION");
                for (int i = 0; i < values.size(); i++) {
                    if (!Condition.readable(operator, values.get(i))) {
                        findings.add(Finding.error("INVALID_CONDITION_DATA_TYPE",
                                keyEntry.getValue().isArray() ? keyAt + "[" + i + "]" : keyAt,
                                "The value " + values.get(i) + " is not of the type the operator " + operator.awsName() + " compares."));
                    }
                }
                conditions.add(new Condition(operator, qualifier, ifExists, key, values, variables));
            }
        }
        return conditions;
    }

    /** A string or an array of strings (numbers and booleans are read as their text, as IAM does). */
    private static List<String> strings(JsonNode node, String at, List<Finding> findings, String emptyIssue) {
        if (node.isValueNode() && !node.isNull()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            findings.add(mismatch(at, "a string or an array of strings"));
            return List.of();
        }
        if (node.isEmpty()) {
            findings.add(Finding.suggestion(emptyIssue, at, "The array is empty: add a value or remove the element."));
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isValueNode() && !item.isNull()) {
                values.add(item.asText());
            } else {
                findings.add(mismatch(at + "[" + i + "]", "a string"));
            }
        }
        return values;
    }

    private static String text(JsonNode parent, String name, String at, List<Finding> findings) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            findings.add(mismatch(at, "a string"));
            return null;
        }
        return node.asText();
    }

    private static Finding mismatch(String at, String expected) {
        return Finding.error("DATA_TYPE_MISMATCH", at, "The value does not match the expected JSON type: " + expected + ".");
    }

    /** The position of a syntax error, never the text around it (a policy may be anything). */
    private static String syntaxMessage(JsonProcessingException e) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String what = e instanceof JsonParseException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate field") ? "a duplicate key" : "a JSON syntax error";
        return "Fix " + what + where + ".";
    }
}

package io.strongroom.local.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the evaluator relies on from the parser, beyond the findings that ValidatePolicyTest
 * checks through Access Analyzer: the document model it builds.
 */
class PolicyParserTest {

    private static PolicyDocument parse(String singleQuoted, PolicyType type) {
        ParsedPolicy parsed = PolicyParser.parse(singleQuoted.replace('\'', '"'), type);
        assertTrue(parsed.valid(), () -> "not valid: " + parsed.errors());
        return parsed.document();
    }

    @Test
    void anAccountIdAndItsRootArnNameTheSamePrincipal() {
        // IAM User Guide, Principal: "The account ARN and the shortened account ID behave the same way."
        PolicyDocument document = parse("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':['111122223333',"
                + "'arn:aws:iam::444455556666:root']},'Action':'secretsmanager:GetSecretValue','Resource':'*'}]}", PolicyType.RESOURCE_POLICY);
        assertEquals(List.of("arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"),
                document.statements().get(0).principals().aws());
    }

    @Test
    void aSingleStatementObjectAndStringElementsAreAccepted() {
        // IAM User Guide, grammar: Statement is one statement or an array; Action and Resource a string or an array.
        PolicyDocument document = parse("{'Version':'2012-10-17','Statement':{'Sid':'One','Effect':'Deny',"
                + "'NotAction':'kms:*','NotResource':'arn:aws:kms:*:*:key/*'}}", PolicyType.IDENTITY_POLICY);
        Statement statement = document.statements().get(0);
        assertEquals("One", statement.label());
        assertEquals(Effect.DENY, statement.effect());
        assertTrue(statement.notAction());
        assertTrue(statement.notResource());
        assertEquals(List.of("kms:*"), statement.actions());
    }

    @Test
    void setQualifiersAndIfExistsAreReadAroundTheOperator() {
        PolicyDocument document = parse("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*',"
                + "'Condition':{'ForAllValues:StringLike':{'aws:TagKeys':['env','team']},"
                + "'StringEqualsIfExists':{'secretsmanager:ResourceTag/env':'prod'}}}]}", PolicyType.IDENTITY_POLICY);
        List<Condition> conditions = document.statements().get(0).conditions();
        assertEquals(2, conditions.size());
        Condition set = conditions.get(0);
        assertEquals(ConditionOperator.STRING_LIKE, set.operator());
        assertEquals(Condition.Qualifier.FOR_ALL_VALUES, set.qualifier());
        assertFalse(set.ifExists());
        assertEquals(List.of("env", "team"), set.values());
        Condition ifExists = conditions.get(1);
        assertEquals(ConditionOperator.STRING_EQUALS, ifExists.operator());
        assertTrue(ifExists.ifExists());
    }

    @Test
    void nullCannotTakeIfExists() {
        // IAM User Guide, condition operators: IfExists may end "any condition operator name except the Null condition".
        ParsedPolicy parsed = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\",\"Condition\":{\"NullIfExists\":{\"aws:TokenIssueTime\":\"true\"}}}]}", PolicyType.IDENTITY_POLICY);
        assertFalse(parsed.valid());
        assertEquals("NULL_WITH_IF_EXISTS", parsed.errors().get(0).issueCode());
    }

    @Test
    void aDateThatIsNeitherIsoNorEpochIsReported() {
        // IAM User Guide, condition operators: dates are "ISO 8601 ... or epoch (UNIX) time".
        ParsedPolicy parsed = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":[\"2030-01-01T00:00:00Z\",\"next week\"]}}}]}",
                PolicyType.IDENTITY_POLICY);
        assertEquals(1, parsed.errors().size());
        assertEquals("INVALID_CONDITION_DATA_TYPE", parsed.errors().get(0).issueCode());
        assertEquals("Statement[0].Condition.DateLessThan.aws:CurrentTime[1]", parsed.errors().get(0).location());
    }
}

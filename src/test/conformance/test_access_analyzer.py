"""IAM Access Analyzer's policy checks as boto3 calls them (REST-JSON, POST /policy/validation).

botocore signs these requests for "access-analyzer" and sends the members as the model binds
them: policyDocument and policyType in the JSON body, maxResults and nextToken in the query
string. Finding types and issue codes are AWS's (IAM User Guide, "Access Analyzer policy check
reference").

The custom policy checks (CheckNoNewAccess, CheckAccessNotGranted, CheckNoPublicAccess) came
after Debian's botocore 1.29: when the installed botocore models them they go through the boto3
client, otherwise as REST-JSON requests botocore signs (sc.raw_rest), with the same assertions.
The messages asserted word for word are the ones AWS CLI's examples show.
"""
import json
import unittest

import botocore
from botocore.exceptions import ClientError

import strongroom_conformance as sc


class ValidatePolicyTest(sc.ConformanceCase):

    @classmethod
    def setUpClass(cls):
        cls.aa = sc.client("accessanalyzer")

    def test_a_sound_identity_policy_has_no_findings(self):
        policy = ('{"Version":"2012-10-17","Statement":[{"Effect":"Allow",'
                  '"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}')
        answer = self.aa.validate_policy(policyDocument=policy, policyType="IDENTITY_POLICY")
        self.assertEqual([], answer["findings"])

    def test_a_bad_effect_is_an_error_with_its_path_and_span(self):
        policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allowed","Action":"s3:GetObject","Resource":"*"}]}'
        findings = self.aa.validate_policy(policyDocument=policy, policyType="IDENTITY_POLICY")["findings"]
        bad = [f for f in findings if f["issueCode"] == "INVALID_EFFECT"]
        self.assertEqual(1, len(bad), findings)
        self.assertEqual("ERROR", bad[0]["findingType"])
        location = bad[0]["locations"][0]
        self.assertEqual([{"value": "Statement"}, {"index": 0}, {"value": "Effect"}], location["path"])
        span = location["span"]
        self.assertEqual('"Allowed"', policy[span["start"]["offset"]:span["end"]["offset"]])

    def test_paging_with_max_results_walks_every_finding(self):
        policy = ('{"Version":"2012-10-17","Statement":['
                  '{"Effect":"A","Action":"s3:GetObject","Resource":"*"},'
                  '{"Effect":"B","Action":"s3:GetObject","Resource":"*"},'
                  '{"Effect":"C","Action":"s3:GetObject","Resource":"*"}]}')
        everything = self.aa.validate_policy(policyDocument=policy, policyType="IDENTITY_POLICY")["findings"]
        pages = self.aa.get_paginator("validate_policy").paginate(
            policyDocument=policy, policyType="IDENTITY_POLICY", PaginationConfig={"PageSize": 1})
        walked = [f for page in pages for f in page["findings"]]
        self.assertEqual(everything, walked)

    def test_an_unknown_policy_type_is_a_validation_exception(self):
        # sent past botocore's own checks, as a client that does not check sends it: ValidationException, 400
        aa = sc.client("accessanalyzer", validate=False)
        self.assertAwsError(lambda: aa.validate_policy(policyDocument="{}", policyType="ROLE_POLICY"),
                            "ValidationException", status=400)


def _policy(*statements):
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


_SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/orders-db-AbCdEf"
_READ = {"Sid": "Read", "Effect": "Allow", "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
         "Resource": _SECRET}


class CustomPolicyChecksTest(sc.ConformanceCase):

    @classmethod
    def setUpClass(cls):
        cls.aa = sc.client("accessanalyzer")

    def call(self, operation, path, client=None, **members):
        """(HTTP status, answer or {"Code", "Message"}) of `operation`, through boto3 (`client`, or
        the class's) when this botocore models it, else as a signed REST-JSON request."""
        client = client or self.aa
        if operation in client.meta.service_model.operation_names:
            try:
                answer = getattr(client, botocore.xform_name(operation))(**members)
            except ClientError as error:
                return (error.response["ResponseMetadata"]["HTTPStatusCode"],
                        {"Code": error.response["Error"]["Code"], "Message": error.response["Error"]["Message"]})
            answer.pop("ResponseMetadata", None)
            return 200, answer
        status, body = sc.raw_rest("access-analyzer", "POST", path, members)
        if status >= 400:
            return status, {"Code": sc.json_error_code(body), "Message": body.get("message", "")}
        return status, body

    def no_new_access(self, existing, new, policy_type="IDENTITY_POLICY"):
        return self.call("CheckNoNewAccess", "/policy/check-no-new-access", existingPolicyDocument=existing,
                         newPolicyDocument=new, policyType=policy_type)

    def test_check_no_new_access_fails_on_an_added_action_and_names_the_statement(self):
        wider = dict(_READ, Action=_READ["Action"] + ["secretsmanager:PutSecretValue"])
        status, answer = self.no_new_access(_policy(_READ), _policy(wider))
        self.assertEqual(200, status, answer)
        self.assertEqual("FAIL", answer["result"])
        self.assertEqual("The modified permissions grant new access compared to your existing policy.", answer["message"])
        self.assertEqual([{"description": "New access in the statement with index: 0.", "statementIndex": 0, "statementId": "Read"}],
                         answer["reasons"])

    def test_check_no_new_access_passes_when_the_new_policy_narrows(self):
        narrower = dict(_READ, Action="secretsmanager:GetSecretValue",
                        Condition={"Bool": {"aws:SecureTransport": "true"}})
        status, answer = self.no_new_access(_policy(_READ), _policy(narrower))
        self.assertEqual(200, status, answer)
        self.assertEqual("PASS", answer["result"])
        self.assertNotIn("reasons", answer)

    def test_check_no_new_access_refuses_a_policy_that_is_not_json(self):
        status, answer = self.no_new_access(_policy(_READ), '{"Version":')
        self.assertEqual(400, status)
        self.assertEqual("ValidationException", answer["Code"])
        self.assertIn("newPolicyDocument", answer["Message"])

    def test_check_access_not_granted_fails_and_passes(self):
        def check(actions):
            return self.call("CheckAccessNotGranted", "/policy/check-access-not-granted", policyDocument=_policy(_READ),
                             access=[{"actions": actions}], policyType="IDENTITY_POLICY")
        status, answer = check(["secretsmanager:GetSecretValue"])
        self.assertEqual(200, status, answer)
        self.assertEqual("FAIL", answer["result"])
        self.assertEqual(0, answer["reasons"][0]["statementIndex"])
        status, answer = check(["secretsmanager:DeleteSecret", "kms:Decrypt"])
        self.assertEqual("PASS", answer["result"])
        self.assertEqual("The policy document does not grant access to perform one or more of the listed actions.",
                         answer["message"])

    def test_check_access_not_granted_refuses_two_access_entries(self):
        # the model allows one entry; botocore would refuse two itself, so they are sent past its
        # checks, as a client that does not check sends them
        status, answer = self.call("CheckAccessNotGranted", "/policy/check-access-not-granted",
                                   client=sc.client("accessanalyzer", validate=False), policyDocument=_policy(_READ),
                                   access=[{"actions": ["s3:GetObject"]}, {"actions": ["kms:Decrypt"]}],
                                   policyType="IDENTITY_POLICY")
        self.assertEqual(400, status)
        self.assertEqual("ValidationException", answer["Code"])
        self.assertIn("Member must have length less than or equal to 1", answer["Message"])

    def test_check_no_public_access_for_a_secret_and_a_key(self):
        public = {"Sid": "Everyone", "Effect": "Allow", "Principal": "*", "Action": "secretsmanager:GetSecretValue",
                  "Resource": "*"}
        in_org = dict(public, Condition={"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}})
        for resource_type in ("AWS::SecretsManager::Secret", "AWS::KMS::Key"):
            status, answer = self.call("CheckNoPublicAccess", "/policy/check-no-public-access",
                                       policyDocument=_policy(public), resourceType=resource_type)
            self.assertEqual(200, status, answer)
            self.assertEqual("FAIL", answer["result"], resource_type)
            self.assertEqual("Everyone", answer["reasons"][0]["statementId"])
            status, answer = self.call("CheckNoPublicAccess", "/policy/check-no-public-access",
                                       policyDocument=_policy(in_org), resourceType=resource_type)
            self.assertEqual("PASS", answer["result"], resource_type)
            self.assertEqual("The resource policy does not grant public access for the given resource type.",
                             answer["message"])


if __name__ == "__main__":
    unittest.main()

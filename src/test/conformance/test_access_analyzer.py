"""IAM Access Analyzer's policy checks as boto3 calls them (REST-JSON, POST /policy/validation).

botocore signs these requests for "access-analyzer" and sends the members as the model binds
them: policyDocument and policyType in the JSON body, maxResults and nextToken in the query
string. Finding types and issue codes are AWS's (IAM User Guide, "Access Analyzer policy check
reference").
"""
import unittest

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


if __name__ == "__main__":
    unittest.main()

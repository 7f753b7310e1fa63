"""STS as boto3 sees it: the two unsigned federated sign-ins, GetAccessKeyInfo, GetCallerIdentity.

botocore sends AssumeRoleWithWebIdentity and AssumeRoleWithSAML without a signature (its
handlers disable signing for both; the current STS model says "auth": ["smithy.api#noAuth"]).
The store has no IAM roles or identity providers yet, so they are refused as AWS refuses them
in an account without the provider. Sources for each code and message are in the comments.
"""
import base64
import json
import re
import unittest

import strongroom_conformance as sc

REQUEST_ID = r"[0-9a-f-]{36}"


def b64url(data):
    return base64.urlsafe_b64encode(data.encode("utf-8")).decode("ascii").rstrip("=")


def jwt(claims):
    """A JWS-shaped token with the given claims; its signature is not a real one."""
    return ".".join([b64url(json.dumps({"alg": "RS256", "kid": "k1"})), b64url(json.dumps(claims)),
                     b64url("not-a-real-signature")])


def account():
    return sc.client("sts").get_caller_identity()["Account"]


def role_arn():
    return "arn:aws:iam::%s:role/ci-deployer" % account()


class WebIdentityTest(sc.ConformanceCase):

    def test_web_identity_jwt_whose_issuer_has_no_provider_is_invalid_identity_token_naming_the_issuer(self):
        # AWS: "InvalidIdentityToken ... No OpenIDConnect provider found in your account for <iss>", 400
        for sts in (sc.client("sts"), sc.client("sts", signed=False)):
            self.assertAwsError(lambda: sts.assume_role_with_web_identity(
                RoleArn=role_arn(), RoleSessionName="ci-run-42",
                WebIdentityToken=jwt({"iss": "https://token.actions.example.com", "sub": "repo:x", "aud": "sts.amazonaws.com"})),
                "InvalidIdentityToken",
                message="No OpenIDConnect provider found in your account for https://token.actions.example.com",
                status=400)

    def test_web_identity_token_that_is_not_a_jwt_is_invalid_identity_token(self):
        self.assertAwsError(lambda: sc.client("sts", signed=False).assume_role_with_web_identity(
            RoleArn=role_arn(), RoleSessionName="s1", WebIdentityToken="not-a-real-jwt-token"),
            "InvalidIdentityToken",
            message="The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)",
            status=400)

    def test_web_identity_session_name_outside_the_pattern_is_a_validation_error(self):
        self.assertAwsError(lambda: sc.client("sts").assume_role_with_web_identity(
            RoleArn=role_arn(), RoleSessionName="ci run", WebIdentityToken=jwt({"iss": "https://x.example.com"})),
            "ValidationError",
            message="1 validation error detected: Value 'ci run' at 'roleSessionName' failed to satisfy constraint: "
                    "Member must satisfy regular expression pattern: [\\w+=,.@-]*",
            status=400)

    def test_web_identity_duration_above_twelve_hours_is_a_validation_error(self):
        self.assertAwsError(lambda: sc.client("sts").assume_role_with_web_identity(
            RoleArn=role_arn(), RoleSessionName="s1", WebIdentityToken="abcd", DurationSeconds=43201),
            "ValidationError",
            message="1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: "
                    "Member must have value less than or equal to 43200")

    def test_web_identity_short_token_is_a_validation_error_that_does_not_echo_the_token(self):
        self.assertAwsError(lambda: sc.client("sts", validate=False).assume_role_with_web_identity(
            RoleArn=role_arn(), RoleSessionName="s1", WebIdentityToken="abc"),
            "ValidationError",
            message="1 validation error detected: Value at 'webIdentityToken' failed to satisfy constraint: "
                    "Member must have length greater than or equal to 4")

    def test_web_identity_role_arn_that_names_no_role_is_invalid(self):
        self.assertAwsError(lambda: sc.client("sts").assume_role_with_web_identity(
            RoleArn="arn:aws:iam::123456789012:user/ci", RoleSessionName="s1", WebIdentityToken="abcd"),
            "ValidationError", message="arn:aws:iam::123456789012:user/ci is invalid")

    def test_web_identity_call_is_on_the_trail_of_the_account_that_owns_the_role(self):
        error = self.assertAwsError(lambda: sc.client("sts", signed=False).assume_role_with_web_identity(
            RoleArn=role_arn(), RoleSessionName="audited", WebIdentityToken="not-a-jwt-but-long-enough"),
            "InvalidIdentityToken")
        request_id = error.response["ResponseMetadata"]["RequestId"]
        events = sc.client("cloudtrail").lookup_events(LookupAttributes=[
            {"AttributeKey": "EventName", "AttributeValue": "AssumeRoleWithWebIdentity"}])["Events"]
        records = [json.loads(e["CloudTrailEvent"]) for e in events]
        mine = [r for r in records if r["requestID"] == request_id]
        self.assertEqual(1, len(mine))
        self.assertEqual("sts.amazonaws.com", mine[0]["eventSource"])
        self.assertEqual("us-east-1", mine[0]["awsRegion"])
        self.assertEqual("InvalidIdentityToken", mine[0]["errorCode"])
        self.assertEqual({"roleArn": role_arn(), "roleSessionName": "audited"}, mine[0]["requestParameters"])
        self.assertNotIn("not-a-jwt-but-long-enough", json.dumps(mine[0]))


class SamlTest(sc.ConformanceCase):

    def saml(self, assertion):
        return sc.client("sts", signed=False).assume_role_with_saml(
            RoleArn=role_arn(), PrincipalArn="arn:aws:iam::%s:saml-provider/corp-idp" % account(),
            SAMLAssertion=assertion)

    def test_saml_assertion_that_is_not_base64_is_invalid_identity_token(self):
        # AWS: "Invalid base64 SAMLResponse (Service: AWSOpenIdDiscoveryService; ... AuthSamlInvalidSamlResponseException ...)"
        error = self.assertAwsError(lambda: self.saml("<not base64>"), "InvalidIdentityToken", status=400)
        self.assertRegex(error.response["Error"]["Message"], re.escape(
            "Invalid base64 SAMLResponse (Service: AWSOpenIdDiscoveryService; Status Code: 400; "
            "Error Code: AuthSamlInvalidSamlResponseException; Request ID: ") + REQUEST_ID + re.escape("; Proxy: null)"))

    def test_saml_assertion_without_a_provider_in_the_account_is_specified_provider_does_not_exist(self):
        # AWS: "Specified provider doesn't exist (Service: AWSOpenIdDiscoveryService; ... AuthSamlManifestNotFoundException ...)"
        assertion = base64.b64encode(b"<samlp:Response/>").decode("ascii")
        error = self.assertAwsError(lambda: self.saml(assertion), "InvalidIdentityToken", status=400)
        self.assertRegex(error.response["Error"]["Message"], re.escape(
            "Specified provider doesn't exist (Service: AWSOpenIdDiscoveryService; Status Code: 400; "
            "Error Code: AuthSamlManifestNotFoundException; Request ID: ") + REQUEST_ID + re.escape("; Proxy: null)"))

    def test_saml_principal_arn_too_short_is_a_validation_error(self):
        self.assertAwsError(lambda: sc.client("sts", validate=False).assume_role_with_saml(
            RoleArn=role_arn(), PrincipalArn="arn:aws:iam::1:x", SAMLAssertion="PHg+"),
            "ValidationError",
            message="1 validation error detected: Value 'arn:aws:iam::1:x' at 'principalArn' failed to satisfy constraint: "
                    "Member must have length greater than or equal to 20")


class UnsignedOnlyForThoseTwoTest(sc.ConformanceCase):

    def test_any_other_sts_action_without_a_signature_is_missing_authentication_token(self):
        for params in ({"Action": "GetCallerIdentity"}, {"Action": "GetAccessKeyInfo", "AccessKeyId": "AKIAIOSFODNN7EXAMPLE"},
                       {"Action": "AssumeRole", "RoleArn": "arn:aws:iam::123456789012:role/x", "RoleSessionName": "s"}):
            params["Version"] = "2011-06-15"
            status, text = sc.raw_query("sts", params, signed=False)
            self.assertEqual(403, status, params["Action"])
            self.assertIn("<Code>MissingAuthenticationToken</Code>", text)


class AccessKeyInfoTest(sc.ConformanceCase):

    def test_get_access_key_info_of_the_stores_own_key_is_the_account_that_owns_it(self):
        self.assertEqual(account(), sc.client("sts").get_access_key_info(AccessKeyId=sc.ACCESS_KEY_ID)["Account"])

    def test_get_access_key_info_of_an_unknown_key_is_the_account_aws_writes_into_the_key_id(self):
        self.assertEqual("029608264753", sc.client("sts").get_access_key_info(AccessKeyId="ASIAQNZGKIQY56JQ7WML")["Account"])

    def test_get_access_key_info_of_a_key_id_that_carries_no_account_is_invalid_parameter_value(self):
        self.assertAwsError(lambda: sc.client("sts").get_access_key_info(AccessKeyId="AKIA0000000000000000"),
                            "InvalidParameterValue", status=400)

    def test_get_access_key_info_with_a_key_id_shorter_than_sixteen_is_a_validation_error(self):
        self.assertAwsError(lambda: sc.client("sts", validate=False).get_access_key_info(AccessKeyId="AKIASHORT"),
                            "ValidationError",
                            message="1 validation error detected: Value 'AKIASHORT' at 'accessKeyId' failed to satisfy "
                                    "constraint: Member must have length greater than or equal to 16")


class CallerIdentityTest(sc.ConformanceCase):

    def test_get_caller_identity_result_lists_arn_user_id_account_in_aws_order(self):
        status, text = sc.raw_query("sts", {"Action": "GetCallerIdentity", "Version": "2011-06-15"})
        self.assertEqual(200, status)
        positions = [text.index("<%s>" % element) for element in ("Arn", "UserId", "Account")]
        self.assertEqual(sorted(positions), positions, text)


if __name__ == "__main__":
    unittest.main()

"""The harness itself: the store answers boto3 as the admin, and refuses a key it never issued."""
import strongroom_conformance as sc


class HarnessTest(sc.ConformanceCase):

    def test_get_caller_identity_names_the_admin_of_an_account(self):
        identity = sc.client("sts").get_caller_identity()
        self.assertRegex(identity["Account"], r"^\d{12}$")
        self.assertTrue(identity["Arn"].startswith("arn:aws:iam::%s:" % identity["Account"]), identity["Arn"])
        self.assertIn("UserId", identity)

    def test_a_key_the_store_never_issued_is_unrecognized(self):
        secrets = sc.client("secretsmanager", access_key_id="AKIAZZZZZZZZZZZZZZZZ", secret_access_key="x" * 40)
        self.assertAwsError(lambda: secrets.list_secrets(), "UnrecognizedClientException",
                            message="The security token included in the request is invalid.", status=400)

    def test_raw_json_signs_operations_botocore_does_not_model(self):
        status, body = sc.raw_json("secretsmanager", "BatchGetSecretValue", {"SecretIdList": [sc.unique()]})
        self.assertEqual(200, status, body)
        self.assertEqual([], body["SecretValues"])
        self.assertEqual("ResourceNotFoundException", body["Errors"][0]["ErrorCode"])

"""Secrets Manager as boto3 sees it: values, versions, deletion, AWS's messages and response shapes (issue 8)."""
import time
import uuid

import strongroom_conformance as sc

NOT_FOUND = "Secrets Manager can't find the specified secret."
NO_CURRENT = "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT"
MARKED = "You can't perform this operation on the secret because it was marked for deletion."
BOTH_VALUES = "You can't specify both a binary secret value and a string secret value in the same secret."
INVALID_KMS_KEY = "The operation failed because of an invalid KMS key: Invalid keyId"
IDS_OR_FILTERS = "Either 'SecretIdList' or 'Filters' must be provided, but not both."


class SecretsTest(sc.SecretsManagerCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kms = sc.client("kms")

    def name(self, what):
        return sc.unique("secrets/" + what)

    def created(self, what, **extra):
        name = self.name(what)
        return name, self.sm.create_secret(Name=name, **extra)

    # ---- a secret without a value

    def test_create_secret_without_value_has_no_version_id(self):
        name, created = self.created("no-value", Description="filled in later")
        self.assertEqual(name, created["Name"])
        self.assertIn("ARN", created)
        self.assertNotIn("VersionId", created)

    def test_describe_secret_without_value_has_no_version_ids_to_stages(self):
        name, _ = self.created("no-value-describe")
        described = self.sm.describe_secret(SecretId=name)
        self.assertNotIn("VersionIdsToStages", described)

    def test_get_secret_value_without_value_is_not_found_for_awscurrent(self):
        name, _ = self.created("no-value-get")
        self.assertAwsError(lambda: self.sm.get_secret_value(SecretId=name), "ResourceNotFoundException",
                            message=NO_CURRENT, status=400)

    def test_batch_get_secret_value_lists_a_secret_without_value_under_errors(self):
        empty, _ = self.created("no-value-batch")
        status, body = sc.raw_json("secretsmanager", "BatchGetSecretValue", {"SecretIdList": [empty]})
        self.assertEqual(200, status, body)
        self.assertEqual([], body["SecretValues"])
        self.assertEqual([{"SecretId": empty, "ErrorCode": "ResourceNotFoundException", "Message": NO_CURRENT}], body["Errors"])

    def test_list_secret_version_ids_without_value_is_empty(self):
        name, _ = self.created("no-value-versions")
        listed = self.sm.list_secret_version_ids(SecretId=name, IncludeDeprecated=True)
        self.assertEqual([], listed["Versions"])

    def test_update_secret_without_value_changes_metadata_only_and_has_no_version_id(self):
        name, _ = self.created("no-value-update", Description="before")
        updated = self.sm.update_secret(SecretId=name, Description="after")     # botocore adds a ClientRequestToken
        self.assertNotIn("VersionId", updated)
        described = self.sm.describe_secret(SecretId=name)
        self.assertEqual("after", described["Description"])
        self.assertNotIn("VersionIdsToStages", described)

    # ---- DeleteSecret

    def test_force_delete_of_a_missing_secret_succeeds_with_the_name_asked_for(self):
        name = self.name("never-existed")
        deleted = self.sm.delete_secret(SecretId=name, ForceDeleteWithoutRecovery=True)
        self.assertEqual(name, deleted["Name"])
        self.assertRegex(deleted["ARN"], r"^arn:aws:secretsmanager:us-east-1:\d{12}:secret:" + name + "-[A-Za-z0-9]{6}$")
        self.assertIn("DeletionDate", deleted)

    def test_delete_of_a_missing_secret_with_a_recovery_window_is_not_found(self):
        self.assertAwsError(lambda: self.sm.delete_secret(SecretId=self.name("ghost"), RecoveryWindowInDays=7),
                            "ResourceNotFoundException", message=NOT_FOUND)

    def test_force_delete_with_a_recovery_window_is_invalid_parameter(self):
        name, _ = self.created("force-and-window", SecretString="v")
        self.assertAwsError(lambda: self.sm.delete_secret(SecretId=name, ForceDeleteWithoutRecovery=True, RecoveryWindowInDays=7),
                            "InvalidParameterException",
                            message="You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.")

    def test_recovery_window_outside_seven_to_thirty_days_is_invalid_parameter(self):
        name, _ = self.created("window", SecretString="v")
        for days in (6, 31):
            self.assertAwsError(lambda: self.sm.delete_secret(SecretId=name, RecoveryWindowInDays=days), "InvalidParameterException",
                                message="The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).")

    def test_deleting_a_secret_marked_for_deletion_again_is_invalid_request(self):
        name, _ = self.created("twice", SecretString="v")
        self.sm.delete_secret(SecretId=name, RecoveryWindowInDays=7)
        self.assertAwsError(lambda: self.sm.delete_secret(SecretId=name), "InvalidRequestException", message=MARKED)
        self.sm.delete_secret(SecretId=name, ForceDeleteWithoutRecovery=True)
        self.assertAwsError(lambda: self.sm.describe_secret(SecretId=name), "ResourceNotFoundException", message=NOT_FOUND)

    # ---- error codes and messages

    def test_create_secret_with_a_string_and_a_binary_value_is_invalid_parameter(self):
        self.assertAwsError(lambda: self.sm.create_secret(Name=self.name("both"), SecretString="s", SecretBinary=b"b"),
                            "InvalidParameterException", message=BOTH_VALUES)

    def test_put_secret_value_with_a_string_and_a_binary_value_is_invalid_parameter(self):
        name, _ = self.created("put-both", SecretString="v")
        self.assertAwsError(lambda: self.sm.put_secret_value(SecretId=name, SecretString="s", SecretBinary=b"b"),
                            "InvalidParameterException", message=BOTH_VALUES)

    def test_a_replica_in_the_secrets_own_region_is_an_invalid_replica_region(self):
        name = self.name("own-region")
        self.assertAwsError(lambda: self.sm.create_secret(Name=name, SecretString="v", AddReplicaRegions=[{"Region": "us-east-1"}]),
                            "InvalidParameterException", message="Invalid replica region.")
        self.assertAwsError(lambda: self.sm.describe_secret(SecretId=name), "ResourceNotFoundException")

    def test_policy_calls_on_a_missing_secret_are_not_found(self):
        missing = self.name("no-policy")
        policy = '{"Version":"2012-10-17","Statement":[]}'
        for call in (lambda: self.sm.get_resource_policy(SecretId=missing),
                     lambda: self.sm.put_resource_policy(SecretId=missing, ResourcePolicy=policy),
                     lambda: self.sm.delete_resource_policy(SecretId=missing),
                     lambda: self.sm.validate_resource_policy(SecretId=missing, ResourcePolicy=policy)):
            self.assertAwsError(call, "ResourceNotFoundException", message=NOT_FOUND)

    def test_rotation_and_replication_calls_on_a_missing_secret_are_not_found(self):
        missing = self.name("no-rotation")
        for call in (lambda: self.sm.rotate_secret(SecretId=missing, RotationRules={"AutomaticallyAfterDays": 30}),
                     lambda: self.sm.cancel_rotate_secret(SecretId=missing),
                     lambda: self.sm.replicate_secret_to_regions(SecretId=missing, AddReplicaRegions=[{"Region": "eu-west-1"}]),
                     lambda: self.sm.remove_regions_from_replication(SecretId=missing, RemoveReplicaRegions=["eu-west-1"]),
                     lambda: self.sm.stop_replication_to_replica(SecretId=missing)):
            self.assertAwsError(call, "ResourceNotFoundException", message=NOT_FOUND)

    def test_client_request_token_reuse_with_another_value_names_the_token_and_the_secret(self):
        name, created = self.created("token", SecretString="v1")
        token = str(uuid.uuid4())
        self.sm.put_secret_value(SecretId=name, SecretString="v2", ClientRequestToken=token)
        expected = ("You can't use ClientRequestToken %s because that value is already in use for a version of secret %s."
                    % (token, created["ARN"]))
        self.assertAwsError(lambda: self.sm.put_secret_value(SecretId=name, SecretString="v3", ClientRequestToken=token),
                            "ResourceExistsException", message=expected)
        self.assertAwsError(lambda: self.sm.update_secret(SecretId=name, SecretString="v3", ClientRequestToken=token),
                            "ResourceExistsException", message=expected)
        again = self.sm.put_secret_value(SecretId=name, SecretString="v2", ClientRequestToken=token)
        self.assertEqual(token, again["VersionId"])

    def test_operations_on_a_secret_marked_for_deletion_are_refused_but_describe_and_restore_work(self):
        name, created = self.created("marked", SecretString="v", Tags=[{"Key": "k", "Value": "v"}])
        self.sm.delete_secret(SecretId=name, RecoveryWindowInDays=7)
        for call in (lambda: self.sm.get_secret_value(SecretId=name),
                     lambda: self.sm.put_secret_value(SecretId=name, SecretString="x"),
                     lambda: self.sm.update_secret(SecretId=name, Description="x"),
                     lambda: self.sm.update_secret_version_stage(SecretId=name, VersionStage="CUSTOM",
                                                                 MoveToVersionId=created["VersionId"]),
                     lambda: self.sm.tag_resource(SecretId=name, Tags=[{"Key": "k2", "Value": "v"}]),
                     lambda: self.sm.untag_resource(SecretId=name, TagKeys=["k"]),
                     lambda: self.sm.get_resource_policy(SecretId=name)):
            self.assertAwsError(call, "InvalidRequestException", message=MARKED)
        status, body = sc.raw_json("secretsmanager", "BatchGetSecretValue", {"SecretIdList": [name]})
        self.assertEqual(200, status, body)
        self.assertEqual("InvalidRequestException", body["Errors"][0]["ErrorCode"])
        self.assertEqual(MARKED, body["Errors"][0]["Message"])
        self.assertIn("DeletedDate", self.sm.describe_secret(SecretId=name))
        self.sm.restore_secret(SecretId=name)
        self.assertEqual("v", self.sm.get_secret_value(SecretId=name)["SecretString"])

    def test_batch_get_secret_value_argument_conflicts(self):
        both = {"SecretIdList": ["a"], "Filters": [{"Key": "name", "Values": ["a"]}]}
        for body in (both, {}):
            status, error = sc.raw_json("secretsmanager", "BatchGetSecretValue", body)
            self.assertEqual(400, status, error)
            self.assertEqual("InvalidParameterException", sc.json_error_code(error))
            self.assertEqual(IDS_OR_FILTERS, error["message"])
        status, error = sc.raw_json("secretsmanager", "BatchGetSecretValue", {"SecretIdList": ["a"], "MaxResults": 5})
        self.assertEqual((400, "InvalidParameterException"), (status, sc.json_error_code(error)))
        self.assertEqual("'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.", error["message"])
        status, error = sc.raw_json("secretsmanager", "BatchGetSecretValue", {"SecretIdList": ["id-%d" % i for i in range(21)]})
        self.assertEqual((400, "ValidationException"), (status, sc.json_error_code(error)))

    def test_update_secret_version_stage_refusals(self):
        name, created = self.created("stages", SecretString="v1")
        first = created["VersionId"]
        second = self.sm.put_secret_value(SecretId=name, SecretString="v2", VersionStages=["STAGED"])["VersionId"]
        self.assertAwsError(lambda: self.sm.update_secret_version_stage(SecretId=name, VersionStage="AWSCURRENT", MoveToVersionId=second),
                            "InvalidParameterException",
                            message="The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently attached to "
                                    "version %s, so you must explicitly reference that version in RemoveFromVersionId." % first)
        ghost = str(uuid.uuid4())
        self.assertAwsError(lambda: self.sm.update_secret_version_stage(SecretId=name, VersionStage="AWSCURRENT", MoveToVersionId=ghost,
                                                                        RemoveFromVersionId=first),
                            "ResourceNotFoundException", message="Secrets Manager can't find the specified secret value for VersionId: " + ghost)
        self.assertAwsError(lambda: self.sm.update_secret_version_stage(SecretId=name, VersionStage="STAGED", RemoveFromVersionId=first),
                            "InvalidParameterException", message="The staging label STAGED is not attached to version %s." % first)
        self.assertEqual("v1", self.sm.get_secret_value(SecretId=name)["SecretString"])

    # ---- shapes

    def test_tags_are_absent_when_never_tagged_and_an_empty_list_after_the_last_untag(self):
        plain, _ = self.created("never-tagged", SecretString="v")
        self.assertNotIn("Tags", self.sm.describe_secret(SecretId=plain))
        tagged, _ = self.created("untagged", SecretString="v", Tags=[{"Key": "team", "Value": "payments"}])
        self.sm.untag_resource(SecretId=tagged, TagKeys=["team"])
        self.assertEqual([], self.sm.describe_secret(SecretId=tagged)["Tags"])

    def test_put_secret_value_keeps_the_callers_stage_order(self):
        name, _ = self.created("stage-order", SecretString="v1")
        order = ["ZULU", "AWSCURRENT", "ALPHA"]
        put = self.sm.put_secret_value(SecretId=name, SecretString="v2", VersionStages=order)
        self.assertEqual(order, put["VersionStages"])
        self.assertEqual(order, self.sm.get_secret_value(SecretId=name)["VersionStages"])
        self.assertEqual(order, self.sm.describe_secret(SecretId=name)["VersionIdsToStages"][put["VersionId"]])

    def test_last_changed_date_moves_on_tag_untag_delete_and_restore(self):
        name, _ = self.created("last-changed", SecretString="v")
        previous = self.sm.describe_secret(SecretId=name)["LastChangedDate"]
        for change in (lambda: self.sm.tag_resource(SecretId=name, Tags=[{"Key": "k", "Value": "v"}]),
                       lambda: self.sm.untag_resource(SecretId=name, TagKeys=["k"]),
                       lambda: self.sm.delete_secret(SecretId=name, RecoveryWindowInDays=7),
                       lambda: self.sm.restore_secret(SecretId=name)):
            time.sleep(0.01)        # the store's dates have millisecond precision
            change()
            changed = self.sm.describe_secret(SecretId=name)["LastChangedDate"]
            self.assertGreater(changed, previous)
            previous = changed

    # ---- KMS key references

    def test_every_form_of_kms_key_reference_is_resolved(self):
        key = self.kms.create_key(Description="conformance")["KeyMetadata"]
        alias = "alias/" + sc.unique("conformance-key")
        self.kms.create_alias(AliasName=alias, TargetKeyId=key["KeyId"])
        alias_arn = key["Arn"].split(":key/")[0] + ":" + alias
        for ref in (key["KeyId"], key["Arn"], alias, alias_arn):
            name, _ = self.created("kms", SecretString="v", KmsKeyId=ref)
            self.assertEqual("v", self.sm.get_secret_value(SecretId=name)["SecretString"])
            self.assertEqual(ref, self.sm.describe_secret(SecretId=name)["KmsKeyId"])
            self.sm.update_secret(SecretId=name, KmsKeyId=ref, SecretString="w")
            self.assertEqual("w", self.sm.get_secret_value(SecretId=name)["SecretString"])

    def test_a_kms_key_reference_of_no_known_form_is_an_invalid_kms_key(self):
        existing, _ = self.created("kms-existing", SecretString="v")
        for ref in ("my-alias", "not-a-key"):
            self.assertAwsError(lambda: self.sm.create_secret(Name=self.name("kms-malformed"), SecretString="v", KmsKeyId=ref),
                                "InvalidParameterException", message=INVALID_KMS_KEY)
            self.assertAwsError(lambda: self.sm.update_secret(SecretId=existing, KmsKeyId=ref),
                                "InvalidParameterException", message=INVALID_KMS_KEY)

    def test_a_well_formed_kms_key_reference_to_no_key_fails_to_encrypt(self):
        missing = str(uuid.uuid4())
        error = self.assertAwsError(lambda: self.sm.create_secret(Name=self.name("kms-missing"), SecretString="v", KmsKeyId=missing),
                                    "EncryptionFailure")
        message = error.response["Error"]["Message"]
        self.assertRegex(message, r"^Secrets Manager can't encrypt the secret value: Key 'arn:aws:kms:us-east-1:\d{12}:key/"
                         + missing + r"' does not exist \(Service: AWSKMS; Status Code: 400; Error Code: NotFoundException; ")
        alias = "alias/" + sc.unique("no-such-alias")
        error = self.assertAwsError(lambda: self.sm.create_secret(Name=self.name("kms-missing"), SecretString="v", KmsKeyId=alias),
                                    "EncryptionFailure")
        self.assertIn(":%s is not found." % alias, error.response["Error"]["Message"])

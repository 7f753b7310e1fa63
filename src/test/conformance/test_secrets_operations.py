"""The error cases of every Secrets Manager operation the store serves, as boto3 reports them:
AWS's code for each, and the message where AWS users match on it."""
import strongroom_conformance as sc

NOT_FOUND = "Secrets Manager can't find the specified secret."


class MissingSecretTest(sc.SecretsManagerCase):
    """Every operation on a secret that does not exist is ResourceNotFoundException."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.missing = sc.unique("missing")

    def test_describe_secret(self):
        self.assertAwsError(lambda: self.sm.describe_secret(SecretId=self.missing),
                            "ResourceNotFoundException", message=NOT_FOUND, status=400)

    def test_get_secret_value(self):
        self.assertAwsError(lambda: self.sm.get_secret_value(SecretId=self.missing),
                            "ResourceNotFoundException", message=NOT_FOUND)

    def test_put_secret_value(self):
        self.assertAwsError(lambda: self.sm.put_secret_value(SecretId=self.missing, SecretString="v"),
                            "ResourceNotFoundException", message=NOT_FOUND)

    def test_update_secret(self):
        self.assertAwsError(lambda: self.sm.update_secret(SecretId=self.missing, Description="d"),
                            "ResourceNotFoundException", message=NOT_FOUND)

    def test_list_secret_version_ids(self):
        self.assertAwsError(lambda: self.sm.list_secret_version_ids(SecretId=self.missing),
                            "ResourceNotFoundException", message=NOT_FOUND)

    def test_tag_resource(self):
        self.assertAwsError(lambda: self.sm.tag_resource(SecretId=self.missing, Tags=[{"Key": "k", "Value": "v"}]),
                            "ResourceNotFoundException", message=NOT_FOUND)

    def test_untag_resource(self):
        self.assertAwsError(lambda: self.sm.untag_resource(SecretId=self.missing, TagKeys=["k"]),
                            "ResourceNotFoundException", message=NOT_FOUND)

    def test_restore_secret(self):
        self.assertAwsError(lambda: self.sm.restore_secret(SecretId=self.missing),
                            "ResourceNotFoundException", message=NOT_FOUND)

    def test_update_secret_version_stage(self):
        self.assertAwsError(lambda: self.sm.update_secret_version_stage(
            SecretId=self.missing, VersionStage="STAGE", RemoveFromVersionId="a" * 32),
            "ResourceNotFoundException", message=NOT_FOUND)

    def test_delete_secret_with_a_recovery_window(self):
        self.assertAwsError(lambda: self.sm.delete_secret(SecretId=self.missing, RecoveryWindowInDays=7),
                            "ResourceNotFoundException", message=NOT_FOUND)

    def test_a_full_arn_of_another_account_without_a_resource_policy_is_access_denied(self):
        arn = "arn:aws:secretsmanager:us-east-1:999999999999:secret:%s-AbCdEf" % self.missing
        self.assertAwsError(lambda: self.sm.describe_secret(SecretId=arn), "AccessDeniedException",
                            message_contains="because no resource-based policy allows the secretsmanager:DescribeSecret action")


class CreateSecretErrorsTest(sc.SecretsManagerCase):

    def test_a_name_with_a_space_is_invalid(self):
        self.assertAwsError(lambda: self.sm.create_secret(Name="has space", SecretString="v"),
                            "InvalidParameterException",
                            message="Invalid name. Must be a valid name containing alphanumeric characters, "
                                    "or any of the following: -/_+=.@!")

    def test_a_name_longer_than_512_characters_is_a_validation_error(self):
        self.assertAwsError(lambda: self.sm.create_secret(Name="n" * 513, SecretString="v"),
                            "ValidationException", message_contains="Member must have length less than or equal to 512")

    def test_a_second_secret_of_the_same_name_already_exists(self):
        name = sc.unique("dup")
        self.sm.create_secret(Name=name, SecretString="v")
        self.assertAwsError(lambda: self.sm.create_secret(Name=name, SecretString="v"),
                            "ResourceExistsException",
                            message="The operation failed because the secret %s already exists." % name)

    def test_a_value_over_65536_bytes_is_a_validation_error(self):
        self.assertAwsError(lambda: self.sm.create_secret(Name=sc.unique("big"), SecretString="x" * 65537),
                            "ValidationException", message_contains="Member must have length less than or equal to 65536")

    def test_a_value_of_exactly_65536_bytes_is_stored_whole(self):
        name = sc.unique("edge")
        self.sm.create_secret(Name=name, SecretString="x" * 65536)
        self.assertEqual(65536, len(self.sm.get_secret_value(SecretId=name)["SecretString"]))

    def test_a_client_request_token_shorter_than_32_characters_is_a_validation_error(self):
        unchecked = sc.client("secretsmanager", validate=False)
        self.assertAwsError(lambda: unchecked.create_secret(Name=sc.unique("tok"), SecretString="v",
                                                          ClientRequestToken="short"),
                            "ValidationException", message_contains="clientRequestToken")

    def test_a_tag_key_starting_with_aws_is_reserved(self):
        self.assertAwsError(lambda: self.sm.create_secret(Name=sc.unique("tag"), SecretString="v",
                                                          Tags=[{"Key": "aws:owner", "Value": "x"}]),
                            "InvalidParameterException")

    def test_more_than_fifty_tags_are_refused(self):
        tags = [{"Key": "k%d" % i, "Value": "v"} for i in range(51)]
        self.assertAwsError(lambda: self.sm.create_secret(Name=sc.unique("tags"), SecretString="v", Tags=tags),
                            "InvalidParameterException")

    def test_a_refused_create_leaves_no_secret_behind(self):
        name = sc.unique("refused")
        with self.assertRaises(Exception):
            self.sm.create_secret(Name=name, SecretString="v", Tags=[{"Key": "aws:x", "Value": "v"}])
        self.assertAwsError(lambda: self.sm.describe_secret(SecretId=name), "ResourceNotFoundException")


class VersionErrorsTest(sc.SecretsManagerCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.name = sc.unique("versions")
        cls.first = cls.sm.create_secret(Name=cls.name, SecretString="one")["VersionId"]

    def test_get_secret_value_by_an_unknown_version_id_is_not_found(self):
        self.assertAwsError(lambda: self.sm.get_secret_value(SecretId=self.name, VersionId="0" * 32),
                            "ResourceNotFoundException")

    def test_get_secret_value_by_an_unknown_stage_is_not_found(self):
        self.assertAwsError(lambda: self.sm.get_secret_value(SecretId=self.name, VersionStage="NOSUCHSTAGE"),
                            "ResourceNotFoundException")

    def test_a_version_id_and_a_stage_it_does_not_hold_are_an_invalid_request(self):
        self.assertAwsError(lambda: self.sm.get_secret_value(SecretId=self.name, VersionId=self.first,
                                                             VersionStage="AWSPREVIOUS"),
                            "InvalidRequestException",
                            message="You provided a VersionStage that is not associated to the provided VersionId.")

    def test_the_same_token_with_the_same_value_is_idempotent(self):
        token = "11111111-2222-3333-4444-%012d" % 1
        first = self.sm.put_secret_value(SecretId=self.name, SecretString="same", ClientRequestToken=token)
        again = self.sm.put_secret_value(SecretId=self.name, SecretString="same", ClientRequestToken=token)
        self.assertEqual(first["VersionId"], again["VersionId"])
        self.assertEqual(token, again["VersionId"])

    def test_an_empty_version_stages_list_is_a_validation_error(self):
        unchecked = sc.client("secretsmanager", validate=False)
        self.assertAwsError(lambda: unchecked.put_secret_value(SecretId=self.name, SecretString="x", VersionStages=[]),
                            "ValidationException")

    def test_removing_awscurrent_without_moving_it_is_invalid(self):
        current = self.sm.describe_secret(SecretId=self.name)["VersionIdsToStages"]
        holder = next(v for v, stages in current.items() if "AWSCURRENT" in stages)
        self.assertAwsError(lambda: self.sm.update_secret_version_stage(
            SecretId=self.name, VersionStage="AWSCURRENT", RemoveFromVersionId=holder), "InvalidParameterException")

    def test_list_secret_version_ids_max_results_over_100_is_a_validation_error(self):
        self.assertAwsError(lambda: self.sm.list_secret_version_ids(SecretId=self.name, MaxResults=101),
                            "ValidationException")


class DeletionTest(sc.SecretsManagerCase):

    def test_delete_then_restore_brings_the_value_back(self):
        name = sc.unique("restore")
        self.sm.create_secret(Name=name, SecretString="kept")
        deleted = self.sm.delete_secret(SecretId=name, RecoveryWindowInDays=7)
        self.assertEqual(name, deleted["Name"])
        self.assertIn("DeletionDate", deleted)
        self.assertIn("DeletedDate", self.sm.describe_secret(SecretId=name))
        self.sm.restore_secret(SecretId=name)
        self.assertEqual("kept", self.sm.get_secret_value(SecretId=name)["SecretString"])

    def test_a_recovery_window_of_six_days_is_invalid(self):
        name = sc.unique("window")
        self.sm.create_secret(Name=name, SecretString="v")
        self.assertAwsError(lambda: self.sm.delete_secret(SecretId=name, RecoveryWindowInDays=6),
                            "InvalidParameterException")

    def test_deleting_twice_is_an_invalid_request(self):
        name = sc.unique("twice")
        self.sm.create_secret(Name=name, SecretString="v")
        self.sm.delete_secret(SecretId=name, RecoveryWindowInDays=7)
        self.assertAwsError(lambda: self.sm.delete_secret(SecretId=name, RecoveryWindowInDays=7),
                            "InvalidRequestException")

    def test_a_name_scheduled_for_deletion_cannot_be_created_again(self):
        name = sc.unique("reuse")
        self.sm.create_secret(Name=name, SecretString="v")
        self.sm.delete_secret(SecretId=name, RecoveryWindowInDays=7)
        self.assertAwsError(lambda: self.sm.create_secret(Name=name, SecretString="v"), "InvalidRequestException")

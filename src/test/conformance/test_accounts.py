"""Account IDs: what boto3 sees of the local accounts, whatever IDs `serve` was started with.

The tests in AccountIdsTest hold for any store: the caller's account is 12 digits and every ARN
the store hands out carries it. ChosenAccountIdsTest checks a store started with chosen IDs
(`serve --account-id ...`); it runs when STRONGROOM_ACCOUNT_IDS names them, comma-separated, in
the order given to `serve`, e.g.

    serve --account-id 000000000000,111111111111,222222222222
    STRONGROOM_ACCOUNT_IDS=000000000000,111111111111,222222222222

and is skipped otherwise (the default runner starts `serve` with random IDs).
"""
import os
import re
import unittest

import strongroom_conformance as sc

CHOSEN_IDS = [i for i in os.environ.get("STRONGROOM_ACCOUNT_IDS", "").split(",") if i]

# AWS account IDs are exactly 12 digits, leading zeros kept:
# https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html
ACCOUNT_ID = re.compile(r"^\d{12}$")


def caller_account():
    return sc.client("sts").get_caller_identity()["Account"]


class AccountIdsTest(sc.ConformanceCase):

    def test_get_caller_identity_returns_a_twelve_digit_account_and_the_admin_user_arn(self):
        identity = sc.client("sts").get_caller_identity()
        self.assertRegex(identity["Account"], ACCOUNT_ID)
        self.assertEqual("arn:aws:iam::%s:user/admin" % identity["Account"], identity["Arn"])
        self.assertRegex(identity["UserId"], r"^AIDA[A-Z2-7]{17}$")

    def test_get_caller_identity_is_the_same_account_in_every_region(self):
        account = caller_account()
        for region in ("us-west-2", "eu-west-1", "ap-southeast-2"):
            self.assertEqual(account, sc.client("sts", region=region).get_caller_identity()["Account"], region)

    def test_create_secret_arn_carries_the_callers_account_and_region(self):
        account = caller_account()
        name = sc.unique("accounts/arn")
        secrets = sc.client("secretsmanager", region="eu-west-1")
        created = secrets.create_secret(Name=name, SecretString="x")
        # arn:aws:secretsmanager:Region:AccountId:secret:SecretName-6RandomCharacters
        self.assertRegex(created["ARN"], r"^arn:aws:secretsmanager:eu-west-1:%s:secret:%s-[A-Za-z0-9]{6}$"
                         % (account, re.escape(name)))
        self.assertEqual(created["ARN"], secrets.describe_secret(SecretId=name)["ARN"])
        listed = secrets.list_secrets(Filters=[{"Key": "name", "Values": [name]}])["SecretList"]
        self.assertEqual([created["ARN"]], [s["ARN"] for s in listed])
        secrets.delete_secret(SecretId=name, ForceDeleteWithoutRecovery=True)

    def test_a_secret_is_found_by_its_full_arn(self):
        name = sc.unique("accounts/by-arn")
        secrets = sc.client("secretsmanager")
        arn = secrets.create_secret(Name=name, SecretString="value-by-arn")["ARN"]
        self.assertEqual(name, secrets.get_secret_value(SecretId=arn)["Name"])
        secrets.delete_secret(SecretId=arn, ForceDeleteWithoutRecovery=True)

    def test_kms_key_and_alias_arns_carry_the_callers_account(self):
        account = caller_account()
        kms = sc.client("kms", region="us-west-2")
        key = kms.create_key(Description="accounts conformance")["KeyMetadata"]
        self.assertEqual(account, key["AWSAccountId"])
        self.assertEqual("arn:aws:kms:us-west-2:%s:key/%s" % (account, key["KeyId"]), key["Arn"])
        alias = "alias/" + sc.unique("accounts")
        kms.create_alias(AliasName=alias, TargetKeyId=key["KeyId"])
        aliases = [a for a in kms.list_aliases(KeyId=key["KeyId"])["Aliases"] if a["AliasName"] == alias]
        self.assertEqual(["arn:aws:kms:us-west-2:%s:%s" % (account, alias)], [a["AliasArn"] for a in aliases])
        kms.delete_alias(AliasName=alias)
        kms.schedule_key_deletion(KeyId=key["KeyId"], PendingWindowInDays=7)

    def test_the_aws_managed_secrets_manager_key_belongs_to_the_callers_account(self):
        account = caller_account()
        key = sc.client("kms").describe_key(KeyId="alias/aws/secretsmanager")["KeyMetadata"]
        self.assertEqual(account, key["AWSAccountId"])
        self.assertEqual("AWS", key["KeyManager"])


@unittest.skipUnless(CHOSEN_IDS, "serve was not started with --account-id (set STRONGROOM_ACCOUNT_IDS to the IDs given)")
class ChosenAccountIdsTest(sc.ConformanceCase):

    def test_the_printed_admin_key_belongs_to_the_first_chosen_account(self):
        identity = sc.client("sts").get_caller_identity()
        self.assertEqual(CHOSEN_IDS[0], identity["Account"])
        self.assertEqual("arn:aws:iam::%s:user/admin" % CHOSEN_IDS[0], identity["Arn"])

    def test_secret_arns_use_the_first_chosen_account(self):
        name = sc.unique("accounts/chosen")
        secrets = sc.client("secretsmanager")
        arn = secrets.create_secret(Name=name, SecretString="x")["ARN"]
        self.assertTrue(arn.startswith("arn:aws:secretsmanager:us-east-1:%s:secret:%s-" % (CHOSEN_IDS[0], name)), arn)
        secrets.delete_secret(SecretId=arn, ForceDeleteWithoutRecovery=True)

    def test_kms_keys_use_the_first_chosen_account(self):
        key = sc.client("kms").create_key()["KeyMetadata"]
        self.assertEqual(CHOSEN_IDS[0], key["AWSAccountId"])
        self.assertTrue(key["Arn"].startswith("arn:aws:kms:us-east-1:%s:key/" % CHOSEN_IDS[0]), key["Arn"])
        sc.client("kms").schedule_key_deletion(KeyId=key["KeyId"], PendingWindowInDays=7)


if __name__ == "__main__":
    unittest.main()

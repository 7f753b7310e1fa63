"""ListSecrets filters and SortBy, and GetRandomPassword's limits, as AWS documents them.

Sources: the API reference's Filter type and ListSecrets, the user guide's "Find secrets in AWS
Secrets Manager", the service model (botocore secretsmanager 2017-10-17) and GetRandomPassword's
reference page. Every secret a test creates carries a unique name prefix, and each listing is
narrowed to that prefix with a `name` filter, so other tests sharing the store never count.
"""
import unittest

import strongroom_conformance as sc

ENUM = "[description, name, tag-key, tag-value, primary-region, owning-service, all]"
VALUE_PATTERN = "^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$"


class ListSecretsFilterTest(sc.SecretsManagerCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.prefix = sc.unique("lists") + "/"
        cls.created = []
        for name, description, tags in [
                ("DatabaseSecret", "My basic description", [("Production", "Blue green")]),
                ("databaseSecret", "Description of my secret", [("prod", "credsDatabase#892")]),
                ("MyData", "my description", [("1 Prod", "Prod1")]),
                ("rotation", "Conducts an AWS rotation for RDS", [("team", "ops")])]:
            full = cls.prefix + name
            cls.sm.create_secret(Name=full, Description=description, SecretString="v",
                                 Tags=[{"Key": k, "Value": v} for k, v in tags])
            cls.created.append(full)

    @classmethod
    def tearDownClass(cls):
        for name in cls.created:
            cls.sm.delete_secret(SecretId=name, ForceDeleteWithoutRecovery=True)

    def names(self, *filters):
        mine = [{"Key": "name", "Values": [self.prefix]}] + list(filters)
        listed = self.sm.list_secrets(Filters=mine)["SecretList"]
        return {entry["Name"][len(self.prefix):] for entry in listed}

    def test_name_filter_matches_the_beginning_of_the_name_case_sensitively(self):
        self.assertEqual({"DatabaseSecret"}, self.names({"Key": "name", "Values": [self.prefix + "Data"]}))

    def test_description_filter_matches_words_in_any_order_ignoring_case(self):
        self.assertEqual({"DatabaseSecret", "databaseSecret", "MyData"},
                         self.names({"Key": "description", "Values": ["My Description"]}))
        self.assertEqual({"databaseSecret"}, self.names({"Key": "description", "Values": ["secret"]}))
        self.assertEqual(set(), self.names({"Key": "description", "Values": ["cription"]}))

    def test_tag_key_and_tag_value_filters_match_the_beginning_case_sensitively(self):
        self.assertEqual({"DatabaseSecret"}, self.names({"Key": "tag-key", "Values": ["Prod"]}))
        self.assertEqual({"MyData"}, self.names({"Key": "tag-value", "Values": ["Prod"]}))
        self.assertEqual({"DatabaseSecret"}, self.names({"Key": "tag-value", "Values": ["Blue g"]}))

    def test_all_filter_splits_words_at_case_and_digit_changes(self):
        self.assertEqual({"databaseSecret"}, self.names({"Key": "all", "Values": ["credsDatabase 892"]}))

    def test_all_filter_needs_every_word_in_one_attribute(self):
        self.assertEqual({"DatabaseSecret"}, self.names({"Key": "all", "Values": ["blue green"]}))
        self.assertEqual(set(), self.names({"Key": "all", "Values": ["blue basic"]}))

    def test_several_values_are_alternatives_and_the_same_key_twice_must_hold_twice(self):
        self.assertEqual({"MyData", "rotation"},
                         self.names({"Key": "description", "Values": ["rds", "my description"]},
                                    {"Key": "description", "Values": ["!basic", "!secret"]}))

    def test_a_negated_value_leaves_out_its_matches(self):
        self.assertEqual({"MyData", "rotation"}, self.names({"Key": "description", "Values": ["!secret", "!basic"]}))

    def test_description_filter_answers_as_aws_was_observed_to(self):
        # Descriptions and answers from a test run against AWS itself (published with LocalStack's suite).
        prefix = sc.unique("observed") + "/"
        descriptions = {"one": "a secret", "two": "an secret", "three": "asecret", "four": "thesecret"}
        for name, description in descriptions.items():
            self.sm.create_secret(Name=prefix + name, Description=description, SecretString="v")
            self.addCleanup(self.sm.delete_secret, SecretId=prefix + name, ForceDeleteWithoutRecovery=True)

        def names(*filters):
            listed = self.sm.list_secrets(Filters=[{"Key": "name", "Values": [prefix]}] + list(filters))["SecretList"]
            return {e["Name"][len(prefix):] for e in listed}

        self.assertEqual({"one", "two", "three"}, names({"Key": "description", "Values": ["a"]}))
        self.assertEqual({"four"}, names({"Key": "description", "Values": ["!a"]}))
        self.assertEqual({"one", "two"}, names({"Key": "description", "Values": ["a secret"]}))
        self.assertEqual(set(descriptions), names({"Key": "description", "Values": ["!c"]}))

    def test_an_invalid_key_is_a_validation_exception_with_a_one_based_path_and_the_enum(self):
        self.assertAwsError(lambda: self.sm.list_secrets(Filters=[{"Key": "name", "Values": ["a"]},
                                                                  {"Key": "colour", "Values": ["red"]}]),
                            "ValidationException",
                            message="1 validation error detected: Value 'colour' at 'filters.2.member.key' failed to "
                                    "satisfy constraint: Member must satisfy enum value set: " + ENUM)

    def test_a_filter_without_key_or_values_is_an_invalid_parameter_exception(self):
        self.assertAwsError(lambda: self.sm.list_secrets(Filters=[{"Values": ["x"]}]),
                            "InvalidParameterException", message="Invalid filter key")
        self.assertAwsError(lambda: self.sm.list_secrets(Filters=[{"Key": "description"}]),
                            "InvalidParameterException", message="Invalid filter values for key: description")

    def test_values_outside_the_model_are_validation_exceptions(self):
        self.assertAwsError(lambda: self.sm.list_secrets(Filters=[{"Key": "name", "Values": ["semi;colon"]}]),
                            "ValidationException",
                            message="1 validation error detected: Value '[semi;colon]' at 'filters.1.member.values' "
                                    "failed to satisfy constraint: Member must satisfy constraint: "
                                    "[Member must satisfy regular expression pattern: " + VALUE_PATTERN + "]")
        eleven = ["v%d" % i for i in range(11)]
        self.assertAwsError(lambda: self.sm.list_secrets(Filters=[{"Key": "name", "Values": eleven}]),
                            "ValidationException",
                            message_contains="at 'filters.1.member.values' failed to satisfy constraint: "
                                             "Member must have length less than or equal to 10")
        self.assertAwsError(lambda: self.sm.list_secrets(Filters=[{"Key": "name", "Values": ["x" * 513]}]),
                            "ValidationException",
                            message_contains="Member must have length less than or equal to 512")


class ListSecretsSortByTest(sc.SecretsManagerCase):
    """SortBy is newer than Debian's botocore, so these calls go through raw_json."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.prefix = sc.unique("sorted") + "/"
        cls.order = ["delta", "Bravo", "alpha", "charlie"]
        for name in cls.order:
            cls.sm.create_secret(Name=cls.prefix + name, SecretString="v")
        cls.sm.get_secret_value(SecretId=cls.prefix + "alpha")

    @classmethod
    def tearDownClass(cls):
        for name in cls.order:
            cls.sm.delete_secret(SecretId=cls.prefix + name, ForceDeleteWithoutRecovery=True)

    def listing(self, **params):
        body = {"Filters": [{"Key": "name", "Values": [self.prefix]}]}
        body.update(params)
        status, reply = sc.raw_json("secretsmanager", "ListSecrets", body)
        self.assertEqual(200, status, reply)
        return reply

    def names(self, **params):
        return [e["Name"][len(self.prefix):] for e in self.listing(**params)["SecretList"]]

    def test_sort_by_name_ascending_and_descending(self):
        self.assertEqual(["Bravo", "alpha", "charlie", "delta"], self.names(SortBy="name"))
        self.assertEqual(["delta", "charlie", "alpha", "Bravo"], self.names(SortBy="name", SortOrder="desc"))

    def test_without_sort_by_secrets_are_listed_by_created_date(self):
        self.assertEqual(self.names(SortBy="created-date"), self.names())
        self.assertEqual(self.names(SortBy="created-date", SortOrder="asc"),
                         list(reversed(self.names(SortBy="created-date", SortOrder="desc"))))

    def test_never_accessed_secrets_sort_after_accessed_ones_in_both_orders(self):
        for order in ("asc", "desc"):
            entries = self.listing(SortBy="last-accessed-date", SortOrder=order)["SecretList"]
            self.assertEqual(self.prefix + "alpha", entries[0]["Name"], order)
            self.assertTrue(all("LastAccessedDate" not in e for e in entries[1:]), order)

    def test_paging_under_a_sort_sees_each_secret_once_in_order(self):
        for sort_by in ("name", "created-date", "last-changed-date", "last-accessed-date"):
            whole = self.names(SortBy=sort_by, SortOrder="desc")
            paged, token = [], None
            while True:
                params = {"SortBy": sort_by, "SortOrder": "desc", "MaxResults": 1}
                if token:
                    params["NextToken"] = token
                reply = self.listing(**params)
                paged += [e["Name"][len(self.prefix):] for e in reply["SecretList"]]
                token = reply.get("NextToken")
                if not token or len(paged) > len(self.order):
                    break
            self.assertEqual(whole, paged, sort_by)

    def test_a_next_token_is_bound_to_its_sort(self):
        token = self.listing(SortBy="name", MaxResults=1)["NextToken"]
        body = {"Filters": [{"Key": "name", "Values": [self.prefix]}], "SortBy": "last-changed-date",
                "MaxResults": 1, "NextToken": token}
        status, reply = sc.raw_json("secretsmanager", "ListSecrets", body)
        self.assertEqual(400, status)
        self.assertEqual("InvalidNextTokenException", sc.json_error_code(reply))

    def test_an_unknown_sort_by_is_a_validation_exception_listing_the_enum(self):
        status, reply = sc.raw_json("secretsmanager", "ListSecrets", {"SortBy": "size"})
        self.assertEqual(400, status)
        self.assertEqual("ValidationException", sc.json_error_code(reply))
        self.assertEqual("1 validation error detected: Value 'size' at 'sortBy' failed to satisfy constraint: "
                         "Member must satisfy enum value set: [created-date, last-accessed-date, last-changed-date, name]",
                         reply.get("message", reply.get("Message")))


class GetRandomPasswordTest(sc.SecretsManagerCase):

    def test_password_length_outside_1_to_4096_is_a_validation_exception(self):
        self.assertAwsError(lambda: self.sm.get_random_password(PasswordLength=4097), "ValidationException",
                            message="1 validation error detected: Value '4097' at 'passwordLength' failed to satisfy "
                                    "constraint: Member must have value less than or equal to 4096")

    def test_lengths_1_to_3_with_every_type_required_are_too_short(self):
        for length in (1, 2, 3):
            self.assertAwsError(lambda: self.sm.get_random_password(PasswordLength=length), "InvalidParameterException",
                                message="Password length is too short based on the required types.")
            self.assertEqual(length, len(self.sm.get_random_password(
                PasswordLength=length, RequireEachIncludedType=False)["RandomPassword"]))

    def test_include_space_is_admitted_but_not_required(self):
        self.assertEqual(4, len(self.sm.get_random_password(PasswordLength=4, IncludeSpace=True)["RandomPassword"]))

    def test_excluding_every_type_is_refused(self):
        self.assertAwsError(lambda: self.sm.get_random_password(ExcludeLowercase=True, ExcludeUppercase=True,
                                                                ExcludeNumbers=True, ExcludePunctuation=True),
                            "InvalidParameterException", message="All characters have been excluded from selection.")

    def test_exclude_characters_emptying_a_required_type_is_refused(self):
        self.assertAwsError(lambda: self.sm.get_random_password(ExcludeCharacters="0123456789"),
                            "InvalidParameterException",
                            message="All characters of the desired type have been excluded.")


if __name__ == "__main__":
    unittest.main()

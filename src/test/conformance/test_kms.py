"""KMS as boto3 sees it: GenerateRandom, ReEncrypt, ListKeyRotations, key deletion ids, reserved
alias names, and asymmetric and HMAC keys (CreateKey, DescribeKey, GetPublicKey, Sign/Verify,
GenerateMac/VerifyMac, RSA Encrypt/Decrypt), each checked against the AWS API reference and the
botocore service model. Signatures and ciphertexts are checked with the `cryptography` package
where Debian has it, a verifier nobody here wrote."""
import hashlib
import unittest

import strongroom_conformance as sc

try:
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, padding
    HAVE_CRYPTOGRAPHY = True
except ImportError:  # pragma: no cover - Debian's python3-cryptography is normally there
    HAVE_CRYPTOGRAPHY = False

RSA_SIGNING = ["RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512",
               "RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512"]


class KmsCase(sc.ConformanceCase):

    _keys = {}

    @classmethod
    def setUpClass(cls):
        cls.kms = sc.client("kms")

    def key(self, spec="SYMMETRIC_DEFAULT", usage="ENCRYPT_DECRYPT"):
        """A key of `spec` and `usage`, made once per class (RSA keys are slow to generate)."""
        name = (type(self).__name__, spec, usage)
        if name not in KmsCase._keys:
            KmsCase._keys[name] = self.kms.create_key(KeySpec=spec, KeyUsage=usage, Description="conformance")["KeyMetadata"]
        return KmsCase._keys[name]

    def new_key(self, **kwargs):
        return self.kms.create_key(Description="conformance", **kwargs)["KeyMetadata"]


class GenerateRandomTest(KmsCase):

    def test_generate_random_returns_the_number_of_bytes_asked_for(self):
        for n in (1, 32, 1024):
            self.assertEqual(n, len(self.kms.generate_random(NumberOfBytes=n)["Plaintext"]))

    def test_generate_random_below_1_is_a_validation_error_worded_as_aws(self):
        # botocore validates the range itself; the raw call shows what the store answers.
        status, body = sc.raw_json("kms", "GenerateRandom", {"NumberOfBytes": 0})
        self.assertEqual(400, status)
        self.assertEqual("ValidationException", sc.json_error_code(body))
        self.assertEqual("1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: "
                         "Member must have value greater than or equal to 1", body["message"])

    def test_generate_random_above_1024_is_a_validation_error_worded_as_aws(self):
        self.assertAwsError(lambda: self.kms.generate_random(NumberOfBytes=1025), "ValidationException",
                            message="1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy "
                                    "constraint: Member must have value less than or equal to 1024", status=400)

    def test_generate_random_with_an_unknown_custom_key_store_is_not_found(self):
        self.assertAwsError(lambda: self.kms.generate_random(NumberOfBytes=8, CustomKeyStoreId="cks-1234567890abcdef0"),
                            "CustomKeyStoreNotFoundException")


class ReEncryptTest(KmsCase):

    def test_reencrypt_accepts_the_destination_in_every_form(self):
        source = self.new_key()
        destination = self.new_key()
        alias = "alias/" + sc.unique("reencrypt")
        self.kms.create_alias(AliasName=alias, TargetKeyId=destination["KeyId"])
        alias_arn = destination["Arn"].split(":key/")[0] + ":" + alias
        blob = self.kms.encrypt(KeyId=source["KeyId"], Plaintext=b"moving", EncryptionContext={"from": "a"})["CiphertextBlob"]
        for named in (destination["KeyId"], destination["Arn"], alias, alias_arn):
            with self.subTest(destination=named):
                moved = self.kms.re_encrypt(CiphertextBlob=blob, SourceEncryptionContext={"from": "a"},
                                            DestinationKeyId=named, DestinationEncryptionContext={"to": "b"})
                self.assertEqual(source["Arn"], moved["SourceKeyId"])
                self.assertEqual(destination["Arn"], moved["KeyId"])
                self.assertEqual("SYMMETRIC_DEFAULT", moved["SourceEncryptionAlgorithm"])
                self.assertEqual("SYMMETRIC_DEFAULT", moved["DestinationEncryptionAlgorithm"])
                opened = self.kms.decrypt(CiphertextBlob=moved["CiphertextBlob"], EncryptionContext={"to": "b"})
                self.assertEqual(b"moving", opened["Plaintext"])

    def test_reencrypt_with_the_wrong_source_context_is_invalid_ciphertext(self):
        key = self.new_key()
        blob = self.kms.encrypt(KeyId=key["KeyId"], Plaintext=b"p", EncryptionContext={"k": "v"})["CiphertextBlob"]
        self.assertAwsError(lambda: self.kms.re_encrypt(CiphertextBlob=blob, DestinationKeyId=key["KeyId"]),
                            "InvalidCiphertextException")

    def test_reencrypt_with_a_source_key_that_did_not_encrypt_is_incorrect_key(self):
        key = self.new_key()
        blob = self.kms.encrypt(KeyId=key["KeyId"], Plaintext=b"p")["CiphertextBlob"]
        self.assertAwsError(lambda: self.kms.re_encrypt(CiphertextBlob=blob, SourceKeyId=self.new_key()["KeyId"],
                                                        DestinationKeyId=key["KeyId"]), "IncorrectKeyException")

    def test_reencrypt_to_a_signing_key_is_invalid_key_usage(self):
        key = self.new_key()
        signing = self.key("ECC_NIST_P256", "SIGN_VERIFY")
        blob = self.kms.encrypt(KeyId=key["KeyId"], Plaintext=b"p")["CiphertextBlob"]
        self.assertAwsError(lambda: self.kms.re_encrypt(CiphertextBlob=blob, DestinationKeyId=signing["KeyId"]),
                            "InvalidKeyUsageException",
                            message=signing["Arn"] + " key usage is SIGN_VERIFY which is not valid for ReEncrypt.")

    def test_reencrypt_to_a_disabled_or_unknown_key_is_refused(self):
        key = self.new_key()
        disabled = self.new_key()
        self.kms.disable_key(KeyId=disabled["KeyId"])
        blob = self.kms.encrypt(KeyId=key["KeyId"], Plaintext=b"p")["CiphertextBlob"]
        self.assertAwsError(lambda: self.kms.re_encrypt(CiphertextBlob=blob, DestinationKeyId=disabled["KeyId"]),
                            "DisabledException")
        self.assertAwsError(lambda: self.kms.re_encrypt(CiphertextBlob=blob, DestinationKeyId="alias/" + sc.unique("none")),
                            "NotFoundException")

    def test_reencrypt_between_symmetric_and_rsa_keys_names_the_algorithms(self):
        symmetric = self.new_key()
        rsa = self.key("RSA_2048", "ENCRYPT_DECRYPT")
        blob = self.kms.encrypt(KeyId=symmetric["KeyId"], Plaintext=b"to rsa")["CiphertextBlob"]
        to_rsa = self.kms.re_encrypt(CiphertextBlob=blob, DestinationKeyId=rsa["KeyId"],
                                     DestinationEncryptionAlgorithm="RSAES_OAEP_SHA_256")
        self.assertEqual("RSAES_OAEP_SHA_256", to_rsa["DestinationEncryptionAlgorithm"])
        back = self.kms.re_encrypt(CiphertextBlob=to_rsa["CiphertextBlob"], SourceKeyId=rsa["Arn"],
                                   SourceEncryptionAlgorithm="RSAES_OAEP_SHA_256", DestinationKeyId=symmetric["Arn"])
        self.assertEqual(rsa["Arn"], back["SourceKeyId"])
        self.assertEqual(b"to rsa", self.kms.decrypt(CiphertextBlob=back["CiphertextBlob"])["Plaintext"])


class ListKeyRotationsTest(KmsCase):
    # Debian's botocore 1.29 does not model ListKeyRotations (added to KMS in 2024): sent raw.

    def test_list_key_rotations_of_a_key_never_rotated_is_empty(self):
        key = self.new_key()
        status, body = sc.raw_json("kms", "ListKeyRotations", {"KeyId": key["KeyId"]})
        self.assertEqual(200, status, body)
        self.assertEqual([], body["Rotations"])
        self.assertFalse(body["Truncated"])
        self.assertNotIn("NextMarker", body)

    def test_list_key_rotations_lists_an_on_demand_rotation(self):
        key = self.new_key()
        status, _ = sc.raw_json("kms", "RotateKeyOnDemand", {"KeyId": key["KeyId"]})
        self.assertEqual(200, status)
        status, body = sc.raw_json("kms", "ListKeyRotations", {"KeyId": key["Arn"]})
        self.assertEqual(200, status, body)
        self.assertEqual(1, len(body["Rotations"]))
        self.assertEqual(key["KeyId"], body["Rotations"][0]["KeyId"])
        self.assertIn("RotationDate", body["Rotations"][0])

    def test_list_key_rotations_of_an_asymmetric_key_is_unsupported(self):
        key = self.key("RSA_2048", "SIGN_VERIFY")
        status, body = sc.raw_json("kms", "ListKeyRotations", {"KeyId": key["KeyId"]})
        self.assertEqual(400, status)
        self.assertEqual("UnsupportedOperationException", sc.json_error_code(body))

    def test_key_rotation_status_of_hmac_and_asymmetric_keys_is_unsupported(self):
        for key in (self.key("HMAC_256", "GENERATE_VERIFY_MAC"), self.key("ECC_NIST_P256", "SIGN_VERIFY")):
            with self.subTest(spec=key["KeySpec"]):
                self.assertAwsError(lambda: self.kms.get_key_rotation_status(KeyId=key["KeyId"]), "UnsupportedOperationException")
                self.assertAwsError(lambda: self.kms.enable_key_rotation(KeyId=key["KeyId"]), "UnsupportedOperationException")


class KeyDeletionTest(KmsCase):

    def test_schedule_and_cancel_key_deletion_return_the_key_arn(self):
        # API reference examples: both responses' KeyId is the key ARN.
        key = self.new_key()
        scheduled = self.kms.schedule_key_deletion(KeyId=key["KeyId"], PendingWindowInDays=7)
        self.assertEqual(key["Arn"], scheduled["KeyId"])
        self.assertEqual("PendingDeletion", scheduled["KeyState"])
        self.assertEqual(7, scheduled["PendingWindowInDays"])
        self.assertEqual(key["Arn"], self.kms.cancel_key_deletion(KeyId=key["KeyId"])["KeyId"])


class AliasNameTest(KmsCase):

    def test_create_alias_under_alias_aws_is_not_authorized(self):
        key = self.new_key()
        self.assertAwsError(lambda: self.kms.create_alias(AliasName="alias/aws/" + sc.unique("mine"), TargetKeyId=key["KeyId"]),
                            "NotAuthorizedException", message_contains="alias/aws/", status=400)

    def test_update_and_delete_of_an_aws_alias_are_not_authorized(self):
        key = self.new_key()
        self.kms.describe_key(KeyId="alias/aws/secretsmanager")
        self.assertAwsError(lambda: self.kms.update_alias(AliasName="alias/aws/secretsmanager", TargetKeyId=key["KeyId"]),
                            "NotAuthorizedException")
        self.assertAwsError(lambda: self.kms.delete_alias(AliasName="alias/aws/secretsmanager"), "NotAuthorizedException")

    def test_alias_name_without_the_prefix_is_explained_as_aws_explains_it(self):
        key = self.new_key()
        self.assertAwsError(lambda: self.kms.create_alias(AliasName="plain-" + sc.unique(), TargetKeyId=key["KeyId"]),
                            "ValidationException",
                            message='Alias must start with the prefix "alias/". Please see '
                                    'https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html')

    def test_alias_name_outside_the_pattern_is_worded_as_the_validator(self):
        status, body = sc.raw_json("kms", "CreateAlias", {"AliasName": "alias/has space", "TargetKeyId": self.new_key()["KeyId"]})
        self.assertEqual(400, status)
        self.assertEqual("ValidationException", sc.json_error_code(body))
        self.assertEqual("1 validation error detected: Value 'alias/has space' at 'aliasName' failed to satisfy constraint: "
                         "Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$", body["message"])

    def test_alias_name_over_256_characters_is_worded_as_the_validator(self):
        name = "alias/" + "x" * 251
        self.assertAwsError(lambda: self.kms.create_alias(AliasName=name, TargetKeyId=self.new_key()["KeyId"]),
                            "ValidationException",
                            message="1 validation error detected: Value '%s' at 'aliasName' failed to satisfy constraint: "
                                    "Member must have length less than or equal to 256" % name)


class AsymmetricKeyTest(KmsCase):

    def test_create_key_rsa_for_signing_is_described_with_its_signing_algorithms(self):
        metadata = self.key("RSA_2048", "SIGN_VERIFY")
        described = self.kms.describe_key(KeyId=metadata["KeyId"])["KeyMetadata"]
        for m in (metadata, described):
            self.assertEqual("RSA_2048", m["KeySpec"])
            self.assertEqual("RSA_2048", m["CustomerMasterKeySpec"])
            self.assertEqual("SIGN_VERIFY", m["KeyUsage"])
            self.assertEqual(RSA_SIGNING, m["SigningAlgorithms"])
            self.assertNotIn("EncryptionAlgorithms", m)
            self.assertNotIn("MacAlgorithms", m)

    def test_create_key_ecc_and_hmac_specs_show_their_algorithms(self):
        expected = {("ECC_NIST_P256", "SIGN_VERIFY"): ("SigningAlgorithms", ["ECDSA_SHA_256"]),
                    ("ECC_NIST_P384", "SIGN_VERIFY"): ("SigningAlgorithms", ["ECDSA_SHA_384"]),
                    ("ECC_NIST_P521", "SIGN_VERIFY"): ("SigningAlgorithms", ["ECDSA_SHA_512"]),
                    ("RSA_3072", "ENCRYPT_DECRYPT"): ("EncryptionAlgorithms", ["RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"]),
                    ("HMAC_224", "GENERATE_VERIFY_MAC"): ("MacAlgorithms", ["HMAC_SHA_224"]),
                    ("HMAC_512", "GENERATE_VERIFY_MAC"): ("MacAlgorithms", ["HMAC_SHA_512"])}
        for (spec, usage), (member, algorithms) in expected.items():
            with self.subTest(spec=spec):
                m = self.key(spec, usage)
                self.assertEqual(spec, m["KeySpec"])
                self.assertEqual(usage, m["KeyUsage"])
                self.assertEqual(algorithms, m[member])

    def test_create_key_with_a_usage_the_spec_does_not_have_is_a_validation_error(self):
        for spec, usage in (("ECC_NIST_P256", "ENCRYPT_DECRYPT"), ("HMAC_256", "SIGN_VERIFY"), ("SYMMETRIC_DEFAULT", "SIGN_VERIFY"),
                            ("RSA_2048", "GENERATE_VERIFY_MAC")):
            with self.subTest(spec=spec, usage=usage):
                self.assertAwsError(lambda: self.kms.create_key(KeySpec=spec, KeyUsage=usage), "ValidationException",
                                    message="KeyUsage %s is not compatible with KeySpec %s." % (usage, spec))

    def test_create_key_secp256k1_is_refused_clearly(self):
        self.assertAwsError(lambda: self.kms.create_key(KeySpec="ECC_SECG_P256K1", KeyUsage="SIGN_VERIFY"),
                            "UnsupportedOperationException", message_contains="ECC_SECG_P256K1")

    def test_get_public_key_returns_der_subject_public_key_info_with_spec_and_usage(self):
        key = self.key("ECC_NIST_P256", "SIGN_VERIFY")
        response = self.kms.get_public_key(KeyId=key["KeyId"])
        self.assertEqual(key["Arn"], response["KeyId"])
        self.assertEqual("ECC_NIST_P256", response["KeySpec"])
        self.assertEqual("ECC_NIST_P256", response["CustomerMasterKeySpec"])
        self.assertEqual("SIGN_VERIFY", response["KeyUsage"])
        self.assertEqual(["ECDSA_SHA_256"], response["SigningAlgorithms"])
        self.assertNotIn("EncryptionAlgorithms", response)
        self.assertEqual(0x30, response["PublicKey"][0], "a DER SEQUENCE")
        if HAVE_CRYPTOGRAPHY:
            public = serialization.load_der_public_key(response["PublicKey"])
            self.assertEqual("secp256r1", public.curve.name)

    def test_get_public_key_of_a_symmetric_key_is_unsupported(self):
        self.assertAwsError(lambda: self.kms.get_public_key(KeyId=self.new_key()["KeyId"]), "UnsupportedOperationException")

    @unittest.skipUnless(HAVE_CRYPTOGRAPHY, "needs python3-cryptography")
    def test_sign_produces_signatures_a_standard_verifier_accepts(self):
        message = b"a message worth signing"
        cases = [("RSA_2048", "RSASSA_PKCS1_V1_5_SHA_256", lambda pub, sig: pub.verify(sig, message, padding.PKCS1v15(), hashes.SHA256())),
                 ("RSA_2048", "RSASSA_PSS_SHA_512", lambda pub, sig: pub.verify(
                     sig, message, padding.PSS(mgf=padding.MGF1(hashes.SHA512()), salt_length=64), hashes.SHA512())),
                 ("ECC_NIST_P384", "ECDSA_SHA_384", lambda pub, sig: pub.verify(sig, message, ec.ECDSA(hashes.SHA384())))]
        for spec, algorithm, verify in cases:
            with self.subTest(algorithm=algorithm):
                key = self.key(spec, "SIGN_VERIFY")
                signed = self.kms.sign(KeyId=key["KeyId"], Message=message, MessageType="RAW", SigningAlgorithm=algorithm)
                self.assertEqual(key["Arn"], signed["KeyId"])
                self.assertEqual(algorithm, signed["SigningAlgorithm"])
                public = serialization.load_der_public_key(self.kms.get_public_key(KeyId=key["KeyId"])["PublicKey"])
                verify(public, signed["Signature"])  # raises InvalidSignature when wrong
                verified = self.kms.verify(KeyId=key["Arn"], Message=message, Signature=signed["Signature"],
                                           SigningAlgorithm=algorithm)
                self.assertTrue(verified["SignatureValid"])

    def test_sign_a_digest_and_verify_it(self):
        key = self.key("ECC_NIST_P256", "SIGN_VERIFY")
        digest = hashlib.sha256(b"hashed by the caller").digest()
        signed = self.kms.sign(KeyId=key["KeyId"], Message=digest, MessageType="DIGEST", SigningAlgorithm="ECDSA_SHA_256")
        self.assertTrue(self.kms.verify(KeyId=key["KeyId"], Message=digest, MessageType="DIGEST", Signature=signed["Signature"],
                                        SigningAlgorithm="ECDSA_SHA_256")["SignatureValid"])

    def test_sign_a_digest_of_the_wrong_length_is_refused(self):
        key = self.key("ECC_NIST_P256", "SIGN_VERIFY")
        self.assertAwsError(lambda: self.kms.sign(KeyId=key["KeyId"], Message=b"short", MessageType="DIGEST",
                                                  SigningAlgorithm="ECDSA_SHA_256"),
                            "ValidationException", message="Digest is invalid length for algorithm ECDSA_SHA_256.")

    def test_verify_a_bad_signature_is_kms_invalid_signature(self):
        key = self.key("ECC_NIST_P256", "SIGN_VERIFY")
        signature = self.kms.sign(KeyId=key["KeyId"], Message=b"signed", SigningAlgorithm="ECDSA_SHA_256")["Signature"]
        self.assertAwsError(lambda: self.kms.verify(KeyId=key["KeyId"], Message=b"other", Signature=signature,
                                                    SigningAlgorithm="ECDSA_SHA_256"), "KMSInvalidSignatureException")

    def test_sign_with_an_algorithm_of_another_spec_is_invalid_key_usage(self):
        key = self.key("ECC_NIST_P256", "SIGN_VERIFY")
        self.assertAwsError(lambda: self.kms.sign(KeyId=key["KeyId"], Message=b"m", SigningAlgorithm="RSASSA_PSS_SHA_256"),
                            "InvalidKeyUsageException")

    def test_encrypt_with_a_signing_key_is_invalid_key_usage_with_aws_message(self):
        key = self.key("RSA_2048", "SIGN_VERIFY")
        self.assertAwsError(lambda: self.kms.encrypt(KeyId=key["KeyId"], Plaintext=b"p", EncryptionAlgorithm="RSAES_OAEP_SHA_256"),
                            "InvalidKeyUsageException", message=key["Arn"] + " key usage is SIGN_VERIFY which is not valid for Encrypt.")

    def test_sign_with_an_encryption_key_is_invalid_key_usage(self):
        key = self.key("RSA_2048", "ENCRYPT_DECRYPT")
        self.assertAwsError(lambda: self.kms.sign(KeyId=key["KeyId"], Message=b"m", SigningAlgorithm="RSASSA_PSS_SHA_256"),
                            "InvalidKeyUsageException",
                            message=key["Arn"] + " key usage is ENCRYPT_DECRYPT which is not valid for Sign.")

    def test_rsa_encrypt_and_decrypt_with_oaep(self):
        key = self.key("RSA_2048", "ENCRYPT_DECRYPT")
        for algorithm in ("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"):
            with self.subTest(algorithm=algorithm):
                encrypted = self.kms.encrypt(KeyId=key["KeyId"], Plaintext=b"rsa secret", EncryptionAlgorithm=algorithm)
                self.assertEqual(algorithm, encrypted["EncryptionAlgorithm"])
                self.assertEqual(256, len(encrypted["CiphertextBlob"]))
                decrypted = self.kms.decrypt(KeyId=key["KeyId"], CiphertextBlob=encrypted["CiphertextBlob"],
                                             EncryptionAlgorithm=algorithm)
                self.assertEqual(b"rsa secret", decrypted["Plaintext"])
                self.assertEqual(key["Arn"], decrypted["KeyId"])
                self.assertEqual(algorithm, decrypted["EncryptionAlgorithm"])

    @unittest.skipUnless(HAVE_CRYPTOGRAPHY, "needs python3-cryptography")
    def test_rsa_ciphertext_made_offline_with_the_public_key_decrypts(self):
        key = self.key("RSA_2048", "ENCRYPT_DECRYPT")
        public = serialization.load_der_public_key(self.kms.get_public_key(KeyId=key["KeyId"])["PublicKey"])
        blob = public.encrypt(b"offline", padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None))
        self.assertEqual(b"offline", self.kms.decrypt(KeyId=key["Arn"], CiphertextBlob=blob,
                                                      EncryptionAlgorithm="RSAES_OAEP_SHA_256")["Plaintext"])

    def test_rsa_encrypt_without_an_algorithm_is_invalid_key_usage(self):
        key = self.key("RSA_2048", "ENCRYPT_DECRYPT")
        self.assertAwsError(lambda: self.kms.encrypt(KeyId=key["KeyId"], Plaintext=b"p"), "InvalidKeyUsageException")


class HmacKeyTest(KmsCase):

    def test_generate_mac_and_verify_mac(self):
        key = self.key("HMAC_384", "GENERATE_VERIFY_MAC")
        generated = self.kms.generate_mac(KeyId=key["KeyId"], Message=b"Hello World", MacAlgorithm="HMAC_SHA_384")
        self.assertEqual(key["Arn"], generated["KeyId"])
        self.assertEqual("HMAC_SHA_384", generated["MacAlgorithm"])
        self.assertEqual(48, len(generated["Mac"]))
        verified = self.kms.verify_mac(KeyId=key["KeyId"], Message=b"Hello World", Mac=generated["Mac"], MacAlgorithm="HMAC_SHA_384")
        self.assertTrue(verified["MacValid"])
        self.assertEqual(key["Arn"], verified["KeyId"])

    def test_verify_mac_with_a_wrong_mac_is_kms_invalid_mac(self):
        key = self.key("HMAC_256", "GENERATE_VERIFY_MAC")
        mac = self.kms.generate_mac(KeyId=key["KeyId"], Message=b"m", MacAlgorithm="HMAC_SHA_256")["Mac"]
        self.assertAwsError(lambda: self.kms.verify_mac(KeyId=key["KeyId"], Message=b"other", Mac=mac, MacAlgorithm="HMAC_SHA_256"),
                            "KMSInvalidMacException")

    def test_generate_mac_with_a_symmetric_key_is_invalid_key_usage_with_aws_message(self):
        key = self.new_key()
        self.assertAwsError(lambda: self.kms.generate_mac(KeyId=key["KeyId"], Message=b"m", MacAlgorithm="HMAC_SHA_256"),
                            "InvalidKeyUsageException",
                            message=key["Arn"] + " key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac.")

    def test_generate_mac_with_another_specs_algorithm_is_invalid_key_usage(self):
        key = self.key("HMAC_256", "GENERATE_VERIFY_MAC")
        self.assertAwsError(lambda: self.kms.generate_mac(KeyId=key["KeyId"], Message=b"m", MacAlgorithm="HMAC_SHA_512"),
                            "InvalidKeyUsageException")

    def test_an_hmac_key_does_not_encrypt(self):
        key = self.key("HMAC_256", "GENERATE_VERIFY_MAC")
        self.assertAwsError(lambda: self.kms.encrypt(KeyId=key["KeyId"], Plaintext=b"p"), "InvalidKeyUsageException",
                            message=key["Arn"] + " key usage is GENERATE_VERIFY_MAC which is not valid for Encrypt.")


if __name__ == "__main__":
    unittest.main()

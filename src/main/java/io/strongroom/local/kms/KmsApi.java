package io.strongroom.local.kms;

import io.strongroom.local.http.JsonService;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DeleteAliasRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRotationRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyRotationRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextRequest;
import software.amazon.awssdk.services.kms.model.GenerateMacRequest;
import software.amazon.awssdk.services.kms.model.GenerateRandomRequest;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusRequest;
import software.amazon.awssdk.services.kms.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.kms.model.ListAliasesRequest;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesRequest;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsRequest;
import software.amazon.awssdk.services.kms.model.ListKeysRequest;
import software.amazon.awssdk.services.kms.model.ListResourceTagsRequest;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.ReEncryptRequest;
import software.amazon.awssdk.services.kms.model.RotateKeyOnDemandRequest;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.SignRequest;
import software.amazon.awssdk.services.kms.model.TagResourceRequest;
import software.amazon.awssdk.services.kms.model.UntagResourceRequest;
import software.amazon.awssdk.services.kms.model.UpdateAliasRequest;
import software.amazon.awssdk.services.kms.model.UpdateKeyDescriptionRequest;
import software.amazon.awssdk.services.kms.model.VerifyMacRequest;
import software.amazon.awssdk.services.kms.model.VerifyRequest;

/**
 * The KMS API (JSON 1.1, {@code X-Amz-Target: TrentService.<Operation>}) over {@link KmsKeys},
 * with KMS's validation, key states and error codes.
 *
 * <p>The rules that shape every operation, as KMS applies them:
 * <ul>
 *   <li>Keys are named by key ID or key ARN everywhere, and also by alias name or alias ARN where
 *       KMS accepts aliases (DescribeKey and the cryptographic operations).</li>
 *   <li>The key state decides what a key can do: a {@code Disabled} key refuses cryptography
 *       with {@code DisabledException}, a key {@code PendingDeletion} refuses nearly everything
 *       with {@code KMSInvalidStateException} (see KMS's key-state table).</li>
 *   <li>AWS managed keys carry a key policy that lets the account read their metadata and lets
 *       only the owning service use them; every other call a principal makes on them directly is
 *       refused with {@code AccessDeniedException} by evaluating that policy, as KMS refuses it.</li>
 *   <li>Nothing secret appears in an error message: plaintexts, ciphertexts and key material never;
 *       messages name keys, aliases and limits.</li>
 * </ul>
 * This endpoint creates single-Region keys with {@code AWS_KMS} material: symmetric encryption
 * keys, RSA keys (encryption or signing), ECC keys over the NIST curves (signing) and HMAC keys.
 * Every operation on a key is declared {@code readOn}/{@code writeOn} and authorizes itself with
 * the key's policy once it has found the key ({@link KmsKeyFinder}, {@link KmsKeyAccess}); the
 * operations on no key (CreateKey, ListKeys, ListAliases, GenerateRandom) are authorized by the
 * pipeline with identity policies alone, as KMS authorizes them with IAM policies only.
 * This class only routes each operation to the class of its resource: keys and their tags
 * ({@link KmsKeyOperations}), rotation ({@link KmsRotations}), aliases ({@link KmsAliases}), the
 * key policy ({@link KmsPolicies}) and cryptography ({@link KmsEncryption}, {@link KmsSigning});
 * key lookup is {@link KmsKeyFinder}, listings page through {@link KmsPaging}. Other kinds
 * ({@code ECC_SECG_P256K1}, which the JDK lacks, imported, external and multi-Region keys) are
 * refused with {@code UnsupportedOperationException}.
 */
public final class KmsApi {

    private final KmsKeyOperations keyCalls;
    private final KmsRotations rotations;
    private final KmsAliases aliases;
    private final KmsPolicies policies;
    private final KmsEncryption encryption;
    private final KmsSigning signing;

    public KmsApi(KmsKeys keys) {
        KmsParts parts = new KmsParts(keys);
        this.keyCalls = new KmsKeyOperations(parts);
        this.rotations = new KmsRotations(parts);
        this.aliases = new KmsAliases(parts);
        this.policies = new KmsPolicies(parts);
        this.encryption = new KmsEncryption(parts);
        this.signing = new KmsSigning(parts);
    }

    public JsonService service() {
        return JsonService.builder("kms", "TrentService", "kms.amazonaws.com")
                .quota("kms:describe")
                .readOn("DescribeKey", DescribeKeyRequest::builder, keyCalls::describeKey)
                .quota("kms:list")
                .read("ListKeys", ListKeysRequest::builder, keyCalls::listKeys)
                .read("ListAliases", ListAliasesRequest::builder, aliases::listAliases)
                .readOn("ListResourceTags", ListResourceTagsRequest::builder, keyCalls::listResourceTags)
                .readOn("ListKeyPolicies", ListKeyPoliciesRequest::builder, policies::listKeyPolicies)
                .quota("kms:policy")
                .readOn("GetKeyPolicy", GetKeyPolicyRequest::builder, policies::getKeyPolicy)
                .readOn("GetKeyRotationStatus", GetKeyRotationStatusRequest::builder, rotations::getKeyRotationStatus)
                .readOn("ListKeyRotations", ListKeyRotationsRequest::builder, rotations::listKeyRotations)
                .quota("kms:crypto")
                .readOn("Encrypt", EncryptRequest::builder, encryption::encrypt)
                .readOn("Decrypt", DecryptRequest::builder, encryption::decrypt)
                .readOn("ReEncrypt", ReEncryptRequest::builder, encryption::reEncrypt)
                .readOn("GenerateDataKey", GenerateDataKeyRequest::builder, encryption::generateDataKey)
                .readOn("GenerateDataKeyWithoutPlaintext", GenerateDataKeyWithoutPlaintextRequest::builder,
                        encryption::generateDataKeyWithoutPlaintext)
                .read("GenerateRandom", GenerateRandomRequest::builder, encryption::generateRandom)
                .readOn("Sign", SignRequest::builder, signing::sign)
                .readOn("Verify", VerifyRequest::builder, signing::verify)
                .readOn("GenerateMac", GenerateMacRequest::builder, signing::generateMac)
                .readOn("VerifyMac", VerifyMacRequest::builder, signing::verifyMac)
                .readOn("GetPublicKey", GetPublicKeyRequest::builder, signing::getPublicKey)
                .quota("kms:manage")
                .write("CreateKey", CreateKeyRequest::builder, keyCalls::createKey)
                .writeOn("UpdateKeyDescription", UpdateKeyDescriptionRequest::builder, keyCalls::updateKeyDescription)
                .writeOn("EnableKey", EnableKeyRequest::builder, keyCalls::enableKey)
                .writeOn("DisableKey", DisableKeyRequest::builder, keyCalls::disableKey)
                .writeOn("ScheduleKeyDeletion", ScheduleKeyDeletionRequest::builder, keyCalls::scheduleKeyDeletion)
                .writeOn("CancelKeyDeletion", CancelKeyDeletionRequest::builder, keyCalls::cancelKeyDeletion)
                .writeOn("EnableKeyRotation", EnableKeyRotationRequest::builder, rotations::enableKeyRotation)
                .writeOn("DisableKeyRotation", DisableKeyRotationRequest::builder, rotations::disableKeyRotation)
                .writeOn("RotateKeyOnDemand", RotateKeyOnDemandRequest::builder, rotations::rotateKeyOnDemand)
                .writeOn("PutKeyPolicy", PutKeyPolicyRequest::builder, policies::putKeyPolicy)
                .writeOn("CreateAlias", CreateAliasRequest::builder, aliases::createAlias)
                .writeOn("UpdateAlias", UpdateAliasRequest::builder, aliases::updateAlias)
                .writeOn("DeleteAlias", DeleteAliasRequest::builder, aliases::deleteAlias)
                .writeOn("TagResource", TagResourceRequest::builder, keyCalls::tagResource)
                .writeOn("UntagResource", UntagResourceRequest::builder, keyCalls::untagResource)
                .build();
    }
}

package io.strongroom.local.secrets;

import io.strongroom.local.wire.AwsException;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The refusals Secrets Manager users match on, word for word, in one place. Each says where its
 * wording comes from: an AWS error seen in the wild (tool logs, changelogs, issue reports quoting
 * AWS's answer) or, where AWS's text could not be established, our own choice, so the next person
 * knows which ones to correct when AWS's answer is seen.
 */
final class SecretErrors {

    private SecretErrors() {}

    /** AWS's text (LocalStack's AWS-recorded snapshots, botocore error reports). */
    static AwsException notFound() {
        return AwsException.resourceNotFound("Secrets Manager can't find the specified secret.");
    }

    /**
     * AWS's text for any operation on a secret scheduled for deletion except DescribeSecret,
     * ListSecretVersionIds, RestoreSecret and a forced DeleteSecret (quoted from AWS's answers to
     * GetSecretValue, GetResourcePolicy and DeleteSecret in external-secrets and Terraform issues).
     */
    static AwsException markedForDeletion() {
        return AwsException.invalidRequest("You can't perform this operation on the secret because it was marked for deletion.");
    }

    /** AWS's text when a ClientRequestToken names an existing version with another value. */
    static AwsException tokenInUse(String token, String arn) {
        return AwsException.resourceExists("You can't use ClientRequestToken " + token
                + " because that value is already in use for a version of secret " + arn + ".");
    }

    /** AWS's text (GetSecretValue on a secret created without a value: the label it looked for). */
    static AwsException noValueAtStage(String stage) {
        return AwsException.resourceNotFound("Secrets Manager can't find the specified secret value for staging label: " + stage);
    }

    /** AWS's text for a VersionId the secret does not have. */
    static AwsException noValueAtVersion(String versionId) {
        return AwsException.resourceNotFound("Secrets Manager can't find the specified secret value for VersionId: " + versionId);
    }

    private static final String KEY_ID = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})";
    private static final Pattern KEY_ID_FORM = Pattern.compile(KEY_ID);
    private static final Pattern KEY_ARN_FORM = Pattern.compile("arn:aws(-[a-z]+)*:kms:[a-z0-9-]+:[0-9]{12}:key/" + KEY_ID);
    private static final Pattern ALIAS_FORM = Pattern.compile("alias/[A-Za-z0-9/_-]+");
    private static final Pattern ALIAS_ARN_FORM = Pattern.compile("arn:aws(-[a-z]+)*:kms:[a-z0-9-]+:[0-9]{12}:alias/[A-Za-z0-9/_-]+");

    /**
     * CreateSecret/UpdateSecret naming a KMS key the caller cannot use, as AWS answers it:
     * <ul>
     *   <li>a reference of no form KMS knows (a bare alias name, say) is InvalidParameterException
     *       "The operation failed because of an invalid KMS key: Invalid keyId" (quoted from AWS in
     *       terraform-provider-aws PR 13303; boto3 issue 1753 shows the bare alias name as the cause);</li>
     *   <li>a well-formed key ID, key ARN, alias or alias ARN that names nothing fails where AWS asks
     *       KMS for a data key: AWS wraps KMS's NotFoundException as "Secrets Manager can't encrypt the
     *       secret value: Key '&lt;key ARN&gt;' does not exist (Service: AWSKMS; …)" (quoted in
     *       terraform-provider-aws PR 30273, for a bare key ID resolved in the caller's account). The
     *       code EncryptionFailure is our inference from that wording and AWS's documented meaning of
     *       EncryptionFailure; the alias wording is KMS's own ("Alias &lt;ARN&gt; is not found.").</li>
     * </ul>
     * Another account's key is answered as one that does not exist: cross-account keys need key
     * policies, which this store does not evaluate for Secrets Manager yet.
     */
    static AwsException unusableKmsKey(String accountId, String region, String reference) {
        String kmsMessage;
        if (KEY_ID_FORM.matcher(reference).matches()) {
            kmsMessage = "Key 'arn:aws:kms:" + region + ":" + accountId + ":key/" + reference + "' does not exist";
        } else if (KEY_ARN_FORM.matcher(reference).matches()) {
            kmsMessage = "Key '" + reference + "' does not exist";
        } else if (ALIAS_FORM.matcher(reference).matches()) {
            kmsMessage = "Alias arn:aws:kms:" + region + ":" + accountId + ":" + reference + " is not found.";
        } else if (ALIAS_ARN_FORM.matcher(reference).matches()) {
            kmsMessage = "Alias " + reference + " is not found.";
        } else {
            return AwsException.invalidParameter("The operation failed because of an invalid KMS key: Invalid keyId");
        }
        return new AwsException("EncryptionFailure", 400, "Secrets Manager can't encrypt the secret value: " + kmsMessage
                + " (Service: AWSKMS; Status Code: 400; Error Code: NotFoundException; Request ID: " + UUID.randomUUID() + "; Proxy: null)");
    }

    /** Our wording, for operations a later release adds (rotation, replication, resource policies): refused cleanly, never with a 5xx. */
    static AwsException notYet(String operation) {
        return new AwsException("InvalidRequestException", 400, operation + " is not supported by this Strongroom embedded store yet.");
    }

    /** Our wording, for a secret given more tags than AWS allows (CreateSecret and TagResource). */
    static AwsException tooManyTags(int max) {
        return AwsException.invalidParameter("A secret can have at most " + max + " tags.");
    }

    /** AWS's text (quoted in Terraform logs) for AddReplicaRegions naming the secret's own region. */
    static AwsException replicaInOwnRegion() {
        return AwsException.invalidParameter("Invalid replica region.");
    }

    /**
     * AWS's text for a write on a replica (quoted from AWS's answers to DeleteSecret and
     * PutResourcePolicy in cloud-nuke issue 435 and terraform-aws-secrets-manager issue 188).
     */
    static AwsException replicaReadOnly() {
        return AwsException.invalidParameter("Operation not permitted on a replica secret. Call must be made in primary secret's region.");
    }

    /**
     * AWS's text for DeleteSecret on a primary that still has replicas, the regions in the order
     * they were added (quoted from AWS in cloud-nuke issue 435 and aws-nuke issue 1127).
     */
    static AwsException primaryHasReplicas(String arn, java.util.List<String> regions) {
        return AwsException.invalidParameter("You can't delete secret " + arn + " that still has replica regions ["
                + String.join(", ", regions) + "].");
    }

    /** AWS's text (quoted in terraform-provider-aws's changelog for 5.33.0). */
    static AwsException labelAttachedElsewhere(String label, String versionId) {
        return AwsException.invalidParameter("The parameter RemoveFromVersionId can't be empty. Staging label " + label
                + " is currently attached to version " + versionId + ", so you must explicitly reference that version in RemoveFromVersionId.");
    }

    /** Our wording: AWS's text for a RemoveFromVersionId that does not hold the label was not found. */
    static AwsException labelNotOnVersion(String label, String versionId) {
        return AwsException.invalidParameter("The staging label " + label + " is not attached to version " + versionId + ".");
    }

    /** The wording other AWS-checked suites assert for BatchGetSecretValue given both or neither. */
    static AwsException idsOrFilters() {
        return AwsException.invalidParameter("Either 'SecretIdList' or 'Filters' must be provided, but not both.");
    }

    /** As {@link #idsOrFilters()}, for MaxResults without Filters. */
    static AwsException maxResultsNeedsFilters() {
        return AwsException.invalidParameter("'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.");
    }

    /**
     * The store's {@link SealingException} as AWS answers it: EncryptionFailure when a new value
     * cannot be sealed, DecryptionFailure when a stored one cannot be opened (the codes and
     * wording the store has always answered with).
     */
    static AwsException sealing(SealingException e) {
        return switch (e.direction()) {
            case SEAL -> new AwsException("EncryptionFailure", 400, "Secrets Manager can't encrypt the protected secret text using the provided KMS key. "
                    + "Check that the KMS key is available, enabled, and not in an invalid state.");
            case OPEN -> new AwsException("DecryptionFailure", 400, "Secrets Manager can't decrypt the protected secret text using the provided KMS key. "
                    + "Check that the KMS key is available, enabled, and not in an invalid state.");
        };
    }

    /** PutResourcePolicy with a document the policy grammar refuses. */
    static AwsException malformedPolicy(String detail) {
        return new AwsException("MalformedPolicyDocumentException", 400, "This resource policy contains a syntax error: " + detail);
    }

    /** PutResourcePolicy with BlockPublicPolicy and a policy that grants broad access. */
    static AwsException publicPolicy() {
        return new AwsException("PublicPolicyException", 400,
                "BlockPublicPolicy is set to true and the resource policy grants public access to the secret.");
    }
}

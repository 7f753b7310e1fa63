package io.strongroom.local.secrets;

import io.strongroom.local.http.AwsException;

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

    /**
     * AWS's answer to CreateSecret/UpdateSecret naming a KMS key it cannot use as given (quoted in
     * terraform-provider-aws PR 13303). AWS was seen giving it for a key reference that did not
     * resolve; that it gives the same for a well-formed ID of a key that does not exist is our
     * assumption.
     */
    static AwsException invalidKmsKey() {
        return AwsException.invalidParameter("The operation failed because of an invalid KMS key: Invalid keyId");
    }

    /** AWS's text (quoted in Terraform logs) for AddReplicaRegions naming the secret's own region. */
    static AwsException replicaInOwnRegion() {
        return AwsException.invalidParameter("Invalid replica region.");
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
}

/**
 * The one validator of the store's services: {@link io.strongroom.local.validation.Validator}
 * collects every constraint a request breaks, worded as AWS's front door words them
 * ("Value 'v' at 'member' failed to satisfy constraint: ..."), and reports them in AWS's
 * "N validation errors detected: ..." shape. Each service decides how it answers: KMS with all of
 * them, Secrets Manager with its first, STS under its own error code. It depends on nothing of
 * {@code io.strongroom.local} but {@code local.wire}, so every service can use it.
 */
package io.strongroom.local.validation;

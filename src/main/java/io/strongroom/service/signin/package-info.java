/**
 * Sign-in for AWS profiles that need the user, in the AWS CLI's own formats and files.
 *
 * <p>{@link io.strongroom.service.signin.SignIn}, owned by the {@code ClientRegistry}, builds the
 * credentials provider of every named profile ({@code ProfileChain}): role profiles with
 * {@code source_profile} chains or {@code credential_source}, {@code credential_process},
 * {@code mfa_serial} (the code asked through an {@link io.strongroom.service.signin.MfaPrompt}),
 * and IAM Identity Center profiles, whose token is read from and written to the cache the AWS CLI
 * and SDKs share ({@code ~/.aws/sso/cache}), refreshed when it can be, and otherwise obtained with
 * the device authorization flow shown through a {@link io.strongroom.service.signin.DevicePrompt}.
 * Every sign-in client (SSO OIDC, the SSO portal, STS) resolves its endpoint from the profile the
 * way the SDK does ({@code AWS_ENDPOINT_URL_*}, the {@code services} section), so a test profile
 * reaches the embedded store as a user's profile reaches AWS.
 *
 * <p>Sessions are held until five minutes before they expire, so one sign-in or one MFA code
 * serves every call. Tokens, secrets and codes never appear in messages or {@code toString()}.
 */
package io.strongroom.service.signin;

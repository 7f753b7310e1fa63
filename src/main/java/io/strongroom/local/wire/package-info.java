/**
 * What every layer of the embedded store may say to a client: {@link io.strongroom.local.wire.AwsException},
 * the AWS-shaped error (code, HTTP status, message). It depends on nothing else in
 * {@code io.strongroom.local}, so the front end, the access checks and the services can all
 * throw it without importing one another.
 */
package io.strongroom.local.wire;

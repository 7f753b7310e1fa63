/**
 * The CloudTrail API (LookupEvents) over the audit log: the log itself lives in
 * {@code io.strongroom.local.audit}, which the request pipeline writes to, and this package
 * only reads it, so the pipeline and the API that serves its records do not import each other.
 */
package io.strongroom.local.cloudtrail;

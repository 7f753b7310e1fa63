/**
 * One secret in detail: overview, tags, value and versions.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>Masked until revealed.</b> Selecting a secret reads its metadata (DescribeSecret,
 *       ListSecretVersionIds), never its value. Only Reveal and Copy call GetSecretValue; Hide,
 *       choosing another secret or another version drop the value from the view model. A late
 *       answer for something no longer shown is discarded.</li>
 *   <li><b>Copy without showing.</b> Copy works on a masked value too: it is read for the copy,
 *       put on the clipboard with {@code putSensitive(value, 30)} and not kept. Binary values are
 *       copied as Base64; a JSON member can be copied alone.</li>
 *   <li><b>Rollback is a confirmed stage move.</b> Make current moves AWSCURRENT to the selected
 *       version (AWS moves AWSPREVIOUS to the version that was current) after
 *       {@code DialogService.confirm}.</li>
 *   <li><b>Read-only mode</b> turns every {@code can…} property false and makes every changing
 *       command refuse; reading (reveal, copy) stays possible for auditors.</li>
 *   <li>Times are shown in UTC, to compare with CloudTrail and colleagues in other zones.</li>
 * </ul>
 */
package io.strongroom.ui.secret;

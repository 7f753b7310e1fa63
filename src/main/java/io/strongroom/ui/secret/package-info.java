/**
 * One secret in detail: overview, tags, value and versions.
 *
 * <h2>Structure</h2>
 * {@link io.strongroom.ui.secret.SecretDetailViewModel} coordinates: it owns the secret shown
 * (described once per selection and after every change), gone, the change count, read-only mode,
 * the banners and the overview fields, and runs every change. Its parts are small view models of
 * their own: {@link io.strongroom.ui.secret.ValueViewModel} (the value, the only reader of it),
 * {@link io.strongroom.ui.secret.VersionsViewModel} (list, rollback) and
 * {@link io.strongroom.ui.secret.TagsViewModel} (tags and their editor). Their background reads
 * are latest-wins ({@code LatestWins}); the parts never talk to each other: "view this version's
 * value" from the versions goes through the coordinator to the value part.
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

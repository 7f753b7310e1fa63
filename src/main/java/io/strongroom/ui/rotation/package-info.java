/**
 * Rotation in the console, contributed by {@link io.strongroom.ui.rotation.RotationFeature}: the
 * Rotation section (every secret's rotation state, filters, bulk rotation), the secret detail's
 * Rotation tab (configure, rotate now with the four steps followed live, history), the
 * stuck-rotation repair and the manual rotation wizard. State is read as any AWS client can read
 * it (labels, settings, CloudTrail's rotation events: {@link io.strongroom.domain.RotationState});
 * every write is a journaled {@link io.strongroom.service.journal.SecretMutation}.
 */
package io.strongroom.ui.rotation;

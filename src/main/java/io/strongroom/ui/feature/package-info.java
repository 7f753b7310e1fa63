/**
 * The contract between the console and its features.
 *
 * <p>A feature implements {@link io.strongroom.ui.feature.Feature}: from the
 * {@link io.strongroom.ui.feature.FeatureContext} (services, the journaled writes, the UI executor,
 * dialogs, clipboard, texts, formats, clock, read-only mode, the inventory's selection) it
 * contributes, into {@link io.strongroom.ui.feature.Contributions}, its navigation
 * {@link io.strongroom.ui.feature.Section}s (data: id, text key, icon, order, placement, planned)
 * with their views, built on first show, and its secret-detail tabs
 * ({@link io.strongroom.ui.common.DetailTab.Factory}) and inventory columns
 * ({@link io.strongroom.ui.common.InventoryColumn}, the contract the inventory's own columns use).
 *
 * <p>Adding a feature: a package {@code io.strongroom.ui.<feature>} with its view models, views,
 * bundle ({@code texts.in("io.strongroom.ui.<feature>.messages")}) and a {@code Feature}; then one
 * line in {@code AppContext.features()}. A planned section moves from
 * {@link io.strongroom.ui.feature.PlannedSections} into the feature that brings its view. Nothing
 * in {@code ui.shell} changes.
 */
package io.strongroom.ui.feature;

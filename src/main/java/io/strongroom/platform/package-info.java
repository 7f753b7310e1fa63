/**
 * Small facts about the machine the program runs on, the same for every layer: where the
 * per-user directories are ({@link io.strongroom.platform.UserDirectory}).
 *
 * <p>Depends on nothing else of Strongroom's (a test checks the imports), so {@code local},
 * {@code service}, {@code app} and {@code cli} may all use it without one leaning on another.
 * See {@code docs/decisions/0005-platform-user-directories.md}.
 */
package io.strongroom.platform;

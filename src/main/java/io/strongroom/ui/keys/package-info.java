/**
 * The Keys section: every KMS key of the chosen scopes with its state, rotation and the secrets
 * that use it; a key's policy in the policy editor; state and rotation changes through the
 * journaled mutations, the ones that can make secrets unreadable only after the impact dialog's
 * typed confirmation; and the inventory's "Key state" column.
 */
package io.strongroom.ui.keys;

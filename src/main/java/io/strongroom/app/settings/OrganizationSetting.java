package io.strongroom.app.settings;

import java.util.Objects;

/**
 * An AWS organization the user added to the scope picker: the picker key of the account its
 * accounts are listed with (source name and account ID or profile, never a credential) and the
 * role its member accounts are reached through.
 */
public record OrganizationSetting(String managementKey, String roleName) {
    public OrganizationSetting {
        Objects.requireNonNull(managementKey, "managementKey");
        Objects.requireNonNull(roleName, "roleName");
        if (managementKey.isBlank() || roleName.isBlank()) {
            throw new IllegalArgumentException("an organization names its management account and role");
        }
    }
}

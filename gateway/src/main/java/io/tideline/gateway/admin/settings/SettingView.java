package io.tideline.gateway.admin.settings;

import io.tideline.messaging.settings.Setting;

import java.time.Instant;

/**
 * A setting as operators see it: what it is, its bounds and default, and its value now.
 *
 * @param value     the value in force: the one set, or the default
 * @param set       whether an operator set it (false: the default)
 * @param changedAt when it was last set; {@code null} with the default
 */
public record SettingView(String key, String type, String description, String defaultValue, Long min, Long max,
                          String value, boolean set, Instant changedAt, String changedBy) {

    static SettingView of(Setting setting, SettingStore.StoredValue stored) {
        return new SettingView(setting.key(), setting.type().name(), setting.description(), setting.defaultValue(),
                setting.min(), setting.max(), stored == null ? setting.defaultValue() : stored.value(),
                stored != null, stored == null ? null : stored.changedAt(),
                stored == null ? null : stored.changedBy());
    }
}

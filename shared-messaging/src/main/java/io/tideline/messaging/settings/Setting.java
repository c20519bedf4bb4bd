package io.tideline.messaging.settings;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * A feature flag or runtime setting that operators change at the gateway and services read from the {@code config}
 * topic ({@link RuntimeSettings}): its key, type, default and bounds. {@link #canonical} is the one validation, used
 * by the gateway before it stores a value and by a service before it trusts one.
 *
 * @param min the least value of an INTEGER setting (inclusive); {@code null} for other types
 * @param max the greatest value of an INTEGER setting (inclusive); {@code null} for other types
 */
public record Setting(String key, Type type, String defaultValue, Long min, Long max, String description) {

    /** What a setting's value is. */
    public enum Type { BOOLEAN, INTEGER }

    /** The longest text a value may have. */
    static final int MAX_TEXT = 100;

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if ((type == Type.INTEGER) != (min != null && max != null) || min != null && min > max) {
            throw new IllegalArgumentException(key + ": an INTEGER setting needs min <= max, other types neither");
        }
        Objects.requireNonNull(defaultValue, "defaultValue");
    }

    public static Setting flag(String key, boolean defaultValue, String description) {
        return new Setting(key, Type.BOOLEAN, Boolean.toString(defaultValue), null, null, description);
    }

    public static Setting integer(String key, long defaultValue, long min, long max, String description) {
        Setting setting = new Setting(key, Type.INTEGER, Long.toString(defaultValue), min, max, description);
        setting.canonical(setting.defaultValue());
        return setting;
    }

    /**
     * The canonical text of a value ({@code true}/{@code false}; an integer without sign or leading zeros beyond
     * what it needs).
     *
     * @throws IllegalArgumentException saying what the value must be, when it is not a value of this setting
     */
    public String canonical(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            throw new IllegalArgumentException("must be " + expected());
        }
        String text = value.trim();
        return switch (type) {
            case BOOLEAN -> {
                String lower = text.toLowerCase(Locale.ROOT);
                if (!lower.equals("true") && !lower.equals("false")) {
                    throw new IllegalArgumentException("must be " + expected());
                }
                yield lower;
            }
            case INTEGER -> {
                BigDecimal number;
                try {
                    number = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be " + expected());
                }
                if (number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(min)) < 0
                        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                    throw new IllegalArgumentException("must be " + expected());
                }
                yield Long.toString(number.longValueExact());
            }
        };
    }

    /** What a value must be, in words: {@code true or false}, {@code an integer from 100 to 10000}. */
    public String expected() {
        return switch (type) {
            case BOOLEAN -> "true or false";
            case INTEGER -> "an integer from " + min + " to " + max;
        };
    }
}

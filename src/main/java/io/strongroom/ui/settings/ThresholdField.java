package io.strongroom.ui.settings;

import io.strongroom.ui.common.Texts;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * One anomaly threshold as the user types it: the text, and what is wrong with it (not a number,
 * or out of its range), or null. Whole numbers, or a decimal for the spike factor.
 */
public final class ThresholdField {

    /** The settings' keys ({@code settings.audit.<id>} and {@code .about}) name it. */
    private final String id;
    private final boolean decimal;
    private final double min;
    private final double max;
    private final Texts texts;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    ThresholdField(String id, boolean decimal, double min, double max, Texts texts) {
        this.id = id;
        this.decimal = decimal;
        this.min = min;
        this.max = max;
        this.texts = texts;
        text.addListener((o, was, now) -> problem.set(check(now)));
        problem.set(check(text.get()));
    }

    public String id() {
        return id;
    }

    /** What the user typed. */
    public StringProperty textProperty() {
        return text;
    }

    /** Why the text is not a valid threshold, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Checked on the text itself: a binding over the text may ask before the problem is updated. */
    boolean valid() {
        return check(text.get()) == null;
    }

    /** The value typed (valid fields only). */
    double value() {
        return new BigDecimal(text.get().strip()).doubleValue();
    }

    int intValue() {
        return (int) value();
    }

    void show(double value) {
        text.set(decimal ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : String.valueOf((long) value));
    }

    private String check(String s) {
        String t = s == null ? "" : s.strip();
        BigDecimal v;
        try {
            v = new BigDecimal(t);
        } catch (NumberFormatException e) {
            return texts.get(decimal ? "settings.audit.notANumber" : "settings.audit.notAWholeNumber");
        }
        if (!decimal && v.stripTrailingZeros().scale() > 0) {
            return texts.get("settings.audit.notAWholeNumber");
        }
        double d = v.doubleValue();
        if (d < min || d > max) {
            NumberFormat f = NumberFormat.getNumberInstance(Locale.ROOT);
            return texts.format("settings.audit.range", f.format(min), f.format(max));
        }
        return null;
    }
}

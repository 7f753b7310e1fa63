package io.strongroom.ui.rotation;

import atlantafx.base.theme.Styles;
import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.List;
import java.util.Locale;

/**
 * A rotation followed live: the four steps in a row, each waiting, running, done or failed (an
 * icon and a word, so the state never rests on colour alone), the outcome underneath, and "Stop
 * watching" while it runs. Hidden until a rotation is started or followed.
 */
final class RotationProgressView extends VBox {

    static final String STEP_STYLE = "sr-rot-step";
    /** Every step as wide as the longest name, so the row reads as four equal stops. */
    private static final double STEP_WIDTH = 132;

    private final RotationProgressModel model;
    private final Texts texts;
    private final HBox steps = new HBox();

    RotationProgressView(RotationProgressModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        setSpacing(10);
        getStyleClass().addAll(Controls.CARD, "sr-rot-progress");
        setId("rotation-progress");

        Label title = Controls.sectionTitle(texts.get("progress.title"));
        title.textProperty().bind(Bindings.createStringBinding(() -> texts.get(
                model.runningProperty().get() ? "progress.title.running" : "progress.title.last"), model.runningProperty()));
        Label version = new Label();
        version.getStyleClass().addAll(Controls.MONO, Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        version.textProperty().bind(Bindings.createStringBinding(() -> {
            String v = model.stateProperty().get().versionId();
            return v == null ? "" : texts.format("progress.version", v);
        }, model.stateProperty()));
        Button stop = Controls.button(texts.get("progress.stop"), MaterialDesignS.STOP_CIRCLE_OUTLINE);
        stop.setId("rotation-stop-watching");
        stop.getStyleClass().add(Styles.SMALL);
        stop.visibleProperty().bind(model.runningProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(e -> model.stop());
        HBox head = new HBox(10, title, version, Controls.spacer(), stop);
        head.setAlignment(Pos.CENTER_LEFT);

        steps.setAlignment(Pos.CENTER_LEFT);
        steps.setId("rotation-steps");
        Label hint = new Label(texts.get("progress.hint"));
        hint.getStyleClass().addAll(Controls.FIELD_HINT, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        hint.visibleProperty().bind(model.runningProperty());
        hint.managedProperty().bind(hint.visibleProperty());

        getChildren().addAll(head, steps, hint,
                Controls.banner(outcome(RotationProgressState.Outcome.SUCCEEDED), Styles.SUCCESS, MaterialDesignC.CHECK_CIRCLE_OUTLINE),
                Controls.banner(failure(), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE),
                Controls.banner(outcome(RotationProgressState.Outcome.REFUSED), Styles.DANGER, MaterialDesignA.ALERT_OCTAGON_OUTLINE),
                Controls.banner(outcome(RotationProgressState.Outcome.ABANDONED), Styles.WARNING, MaterialDesignA.ALERT_OUTLINE),
                Controls.banner(outcome(RotationProgressState.Outcome.TIMED_OUT), Styles.WARNING, MaterialDesignT.TIMER_SAND),
                Controls.banner(outcome(RotationProgressState.Outcome.STOPPED), Styles.ACCENT, MaterialDesignS.STOP_CIRCLE_OUTLINE),
                Controls.banner(outcome(RotationProgressState.Outcome.ERROR), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE));

        visibleProperty().bind(Bindings.createBooleanBinding(() -> model.stateProperty().get().outcome() != RotationProgressState.Outcome.IDLE,
                model.stateProperty()));
        managedProperty().bind(visibleProperty());
        model.stateProperty().addListener((o, was, now) -> showSteps(now));
        showSteps(model.stateProperty().get());
    }

    private void showSteps(RotationProgressState state) {
        List<RotationProgressState.Step> all = state.steps();
        steps.getChildren().clear();
        for (int i = 0; i < all.size(); i++) {
            if (i > 0) {
                Region line = new Region();
                line.getStyleClass().addAll("sr-rot-step-line", stateClass(all.get(i - 1).state()));
                HBox.setHgrow(line, Priority.ALWAYS);
                line.setMinWidth(12);
                steps.getChildren().add(line);
            }
            steps.getChildren().add(step(all.get(i)));
        }
    }

    private Node step(RotationProgressState.Step s) {
        FontIcon icon = new FontIcon(icon(s.state()));
        icon.getStyleClass().add("sr-rot-step-icon");
        Label name = new Label(s.name());
        name.getStyleClass().addAll(Controls.MONO, "sr-rot-step-name");
        Label word = new Label(texts.get("step." + s.state().name().toLowerCase(Locale.ROOT)));
        word.getStyleClass().addAll(Styles.TEXT_SMALL, "sr-rot-step-state");
        VBox box = new VBox(2, icon, name, word);
        box.setAlignment(Pos.CENTER);
        box.setMinWidth(STEP_WIDTH);
        box.setPrefWidth(STEP_WIDTH);
        box.getStyleClass().addAll(STEP_STYLE, stateClass(s.state()));
        box.setId("rotation-step-" + s.name());
        box.setAccessibleText(s.name() + ": " + word.getText());
        return box;
    }

    static String stateClass(RotationProgressState.StepState state) {
        return "step-" + state.name().toLowerCase(Locale.ROOT);
    }

    private static Ikon icon(RotationProgressState.StepState state) {
        return switch (state) {
            case WAITING -> MaterialDesignC.CIRCLE_OUTLINE;
            case RUNNING -> MaterialDesignA.AUTORENEW;
            case DONE -> MaterialDesignC.CHECK_CIRCLE;
            case FAILED -> MaterialDesignC.CLOSE_CIRCLE;
        };
    }

    /** The outcome's sentence while the rotation ended so, else null (so one banner shows). */
    private StringBinding outcome(RotationProgressState.Outcome outcome) {
        return Bindings.createStringBinding(() -> {
            RotationProgressState s = model.stateProperty().get();
            if (s.outcome() != outcome) {
                return null;
            }
            String key = "progress.outcome." + outcome.name().toLowerCase(Locale.ROOT);
            return s.message() == null ? texts.format(key, s.versionId()) : texts.format(key, s.versionId(), s.message());
        }, model.stateProperty());
    }

    private StringBinding failure() {
        return Bindings.createStringBinding(() -> {
            RotationProgressState s = model.stateProperty().get();
            if (s.outcome() != RotationProgressState.Outcome.FAILED) {
                return null;
            }
            RotationProgressState.Step failed = s.failedStep();
            return texts.format("progress.outcome.failed", failed == null ? "?" : failed.name(),
                    s.message() == null ? texts.get("progress.noReason") : s.message());
        }, model.stateProperty());
    }
}

package io.strongroom.ui.about;

import io.strongroom.ui.common.Texts;
import io.strongroom.ui.editor.Snapshots;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The header button opens the real About dialog as a window over its own, which Close closes. */
class AboutButtonFxTest {

    @BeforeAll
    static void fx() throws Exception {
        Snapshots.startFx();
    }

    @Test
    void headerButtonOpensTheDialogOverItsWindow() throws Exception {
        Stage stage = Snapshots.onFx(() -> {
            Stage s = new Stage();
            Button button = AboutDialog.headerButton(Texts.load());
            s.setScene(new Scene(new StackPane(button), 400, 200));
            s.show();
            return s;
        });
        try {
            Button button = Snapshots.onFx(() -> (Button) stage.getScene().lookup("#" + AboutDialog.BUTTON_ID));
            Platform.runLater(button::fire);            // showAndWait: the dialog's own loop runs, this thread polls
            Window dialog = null;
            for (int i = 0; i < 200 && dialog == null; i++) {
                Thread.sleep(50);
                dialog = Snapshots.onFx(() -> Window.getWindows().stream()
                        .filter(w -> w instanceof Stage st && "About Strongroom".equals(st.getTitle())).findFirst().orElse(null));
            }
            assertTrue(dialog != null, "the About dialog opened");
            Window shown = dialog;
            assertEquals(stage, Snapshots.onFx(() -> ((Stage) shown).getOwner()), "over the window of the button");
            Snapshots.onFx(() -> {
                Optional<Window> w = Optional.of(shown);
                w.map(x -> ((Stage) x).getScene().lookup(".dialog-pane")).ifPresent(p -> {
                    javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) p;
                    ((Button) pane.lookupButton(javafx.scene.control.ButtonType.CLOSE)).fire();
                });
                return null;
            });
            Thread.sleep(200);
            assertTrue(Snapshots.onFx(() -> !shown.isShowing()), "Close closes it");
        } finally {
            Snapshots.onFx(() -> {
                stage.close();
                return null;
            });
        }
    }
}

package io.strongroom.ui.signin;

import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.scene.control.Button;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * "Add organization…" at the foot of the scope picker's accounts, beside "Add endpoint…": the
 * picker closes, the dialog asks for the management account and the role, and the picker opens
 * again with the organization's accounts ticked once they were discovered.
 */
public final class OrganizationPickerLink extends Button {

    public static final String ID = "scope-add-organization";

    public OrganizationPickerLink(OrganizationViewModel vm, Supplier<List<OrganizationViewModel.Candidate>> candidates,
                                  Texts texts, Runnable closePicker, Runnable reopenPicker) {
        super(texts.get("scope.organization.add"), new FontIcon(MaterialDesignO.OFFICE_BUILDING_OUTLINE));
        Objects.requireNonNull(vm);
        setId(ID);
        setMnemonicParsing(false);
        getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        setOnAction(e -> {
            Window owner = getScene() == null ? null : getScene().getWindow();
            while (owner instanceof javafx.stage.PopupWindow p && p.getOwnerWindow() != null) {
                owner = p.getOwnerWindow();
            }
            vm.prepare(candidates.get());
            closePicker.run();
            OrganizationDialog.showAndWait(owner, vm, texts);
            if (vm.doneProperty().get()) {
                reopenPicker.run();
            }
        });
    }
}

package io.strongroom.ui.shell;

import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.shell.AccountChoice;
import io.strongroom.ui.shell.RegionChoice;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Objects;

/** Accounts (grouped by source) and regions with tick boxes; "all regions" in one click; apply or cancel. */
final class ScopePickerView extends VBox {

    private final ScopePickerViewModel vm;
    private final Texts texts;
    private final VBox accountBoxes = new VBox(4);
    /** Below the account list: what the composition root adds there (custom endpoints). */
    private final VBox extras = new VBox();
    private Runnable onClose = () -> {};
    /** Shows the picker again after a dialog it opened (nothing when not set). */
    private Runnable onReopen = () -> {};

    ScopePickerView(ScopePickerViewModel vm, Texts texts) {
        this.vm = Objects.requireNonNull(vm);
        this.texts = texts;
        getStyleClass().add(Styles.SCOPE_PICKER);
        setId("scope-picker");

        // accounts
        Label accountsTitle = sectionLabel("scope.accounts", Icons.ACCOUNT);
        Button all = smallButton("scope.selectAll", () -> vm.selectAllAccounts(true));
        Button none = smallButton("scope.selectNone", () -> vm.selectAllAccounts(false));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox accountsHeader = new HBox(6, accountsTitle, grow, all, none);
        accountsHeader.setAlignment(Pos.CENTER_LEFT);
        ScrollPane accountsScroll = new ScrollPane(accountBoxes);
        accountsScroll.setFitToWidth(true);
        accountsScroll.setPrefSize(vm.sessions().isPresent() ? 430 : 300, 300);
        extras.managedProperty().bind(Bindings.isNotEmpty(extras.getChildren()));
        VBox accounts = new VBox(8, accountsHeader, accountsScroll, extras);
        VBox.setVgrow(accountsScroll, Priority.ALWAYS);
        vm.accounts().addListener((ListChangeListener<AccountChoice>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    rebuildAccounts();
                    return;
                }
            }
        });
        rebuildAccounts();
        vm.opened();

        // regions
        Label regionsTitle = sectionLabel("scope.regions", Icons.REGION);
        CheckBox allRegions = new CheckBox(texts.get("scope.allRegions"));
        allRegions.setId("scope-all-regions");
        allRegions.selectedProperty().bindBidirectional(vm.allRegionsProperty());
        ListView<RegionChoice> regionList = new ListView<>(vm.regions());
        regionList.setCellFactory(CheckBoxListCell.forListView(RegionChoice::selectedProperty, new javafx.util.StringConverter<>() {
            @Override
            public String toString(RegionChoice r) {
                return r.description().isEmpty() ? r.id() : r.id() + "  —  " + r.description();
            }

            @Override
            public RegionChoice fromString(String s) {
                return null;
            }
        }));
        regionList.disableProperty().bind(vm.allRegionsProperty());
        regionList.setPrefSize(360, 300);
        regionList.getStyleClass().add(Styles.DENSE);
        // back to the first start's default (regions with resources, the configured region) in one click
        Button inUse = smallButton("scope.regionsInUse", vm::selectRegionsInUse);
        inUse.setId("scope-regions-in-use");
        inUse.setTooltip(new javafx.scene.control.Tooltip(texts.get("scope.regionsInUse.tooltip")));
        inUse.setDisable(vm.defaultRegions().isEmpty());
        // the ticked regions by name, since the list shows a dozen of the partition's regions at a time
        Label chosenRegions = new Label();
        chosenRegions.setId("scope-chosen-regions");
        chosenRegions.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        chosenRegions.setWrapText(true);
        chosenRegions.setMaxWidth(360);
        InvalidationListener chosen = o -> {
            List<String> ids = vm.regions().stream().filter(RegionChoice::isSelected).map(RegionChoice::id).toList();
            chosenRegions.setText(vm.allRegionsProperty().get() || ids.isEmpty() ? ""
                    : texts.format("scope.regions.chosen", String.join(", ", ids)));
        };
        vm.regions().addListener(chosen);
        vm.allRegionsProperty().addListener(chosen);
        chosen.invalidated(null);
        chosenRegions.managedProperty().bind(chosenRegions.textProperty().isNotEmpty());
        chosenRegions.visibleProperty().bind(chosenRegions.managedProperty());
        Runnable showFirstTicked = () -> {
            for (int i = 0; i < vm.regions().size(); i++) {
                if (vm.regions().get(i).isSelected()) {
                    regionList.scrollTo(i);
                    return;
                }
            }
        };
        showFirstTicked.run();
        inUse.setOnAction(e -> {
            vm.selectRegionsInUse();
            showFirstTicked.run();
        });
        Region regionsGrow = new Region();
        HBox.setHgrow(regionsGrow, Priority.ALWAYS);
        HBox regionsHeader = new HBox(6, regionsTitle, regionsGrow, inUse);
        regionsHeader.setAlignment(Pos.CENTER_LEFT);
        VBox regions = new VBox(8, regionsHeader, allRegions, chosenRegions, regionList);

        HBox columns = new HBox(16, accounts, regions);
        VBox.setVgrow(columns, Priority.ALWAYS);

        // footer
        Label summary = new Label();
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        InvalidationListener count = o -> {
            long a = vm.accounts().stream().filter(AccountChoice::isSelected).count();
            long r = vm.allRegionsProperty().get() ? vm.regions().size() : vm.regions().stream().filter(RegionChoice::isSelected).count();
            // counted, not multiplied: an endpoint that names its regions is looked at in those only
            summary.setText(texts.format("scope.summary", vm.scopes().size(), a, r));
        };
        vm.accounts().addListener(count);
        vm.regions().addListener(count);
        vm.allRegionsProperty().addListener(count);
        count.invalidated(null);
        Button cancel = new Button(texts.get("scope.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            vm.revert();
            onClose.run();
        });
        Button apply = new Button(texts.get("scope.apply"), Icons.OK.icon());
        apply.setId("scope-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setDefaultButton(true);
        apply.setOnAction(e -> {
            vm.apply();
            onClose.run();
        });
        Region footerGrow = new Region();
        HBox.setHgrow(footerGrow, Priority.ALWAYS);
        HBox footer = new HBox(8, summary, footerGrow, cancel, apply);
        footer.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(columns, footer);
    }

    void setOnClose(Runnable onClose) {
        this.onClose = onClose;
    }

    void setOnReopen(Runnable onReopen) {
        this.onReopen = onReopen;
    }

    /** Shows {@code node} under the accounts (null: nothing). */
    void setExtras(Node node) {
        extras.getChildren().setAll(node == null ? List.of() : List.of(node));
    }

    private void rebuildAccounts() {
        accountBoxes.getChildren().clear();
        for (ScopePickerViewModel.Group group : vm.groups()) {
            Label header = new Label(group.kind() == io.strongroom.domain.SourceKind.ORGANIZATION ? group.sourceName()
                    : texts.get("scope.group." + group.kind().name()));
            header.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "sr-scope-group");
            header.setUserData("group:" + group.kind());
            Node head = header;
            if (vm.canRemove(group)) {
                // the picker closes while the confirmation is asked, and opens again after
                Button remove = new Button(texts.get("scope.organization.remove"), new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignD.DELETE_OUTLINE));
                remove.setId("scope-remove-organization");
                remove.setMnemonicParsing(false);
                remove.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
                remove.setOnAction(e -> {
                    onClose.run();
                    vm.removeGroup(group);
                    onReopen.run();
                });
                Region grow = new Region();
                HBox.setHgrow(grow, Priority.ALWAYS);
                HBox line = new HBox(6, header, grow, remove);
                line.setAlignment(Pos.CENTER_LEFT);
                head = line;
            }
            if (!accountBoxes.getChildren().isEmpty()) {
                ((Region) head).setPadding(new javafx.geometry.Insets(6, 0, 0, 0));
            }
            accountBoxes.getChildren().add(head);
            for (AccountChoice a : group.accounts()) {
                accountBoxes.getChildren().add(row(a));
            }
        }
        if (vm.accounts().isEmpty()) {
            Label empty = new Label(texts.get("scope.noAccounts"));
            empty.setWrapText(true);
            accountBoxes.getChildren().add(empty);
        }
        for (String error : vm.sourceErrors()) {
            Label l = new Label(error, Icons.ERROR.icon());
            l.getStyleClass().add(Styles.CELL_DANGER);
            l.setWrapText(true);
            accountBoxes.getChildren().add(l);
        }
    }

    /** An account's tick box, its session on the line below, and "Sign in" when one is needed. */
    private Node row(AccountChoice a) {
        CheckBox box = new CheckBox(a.alias() + (a.accountId() == null ? "" : "  " + a.accountId()));
        box.selectedProperty().bindBidirectional(a.selectedProperty());
        box.setUserData(a.alias());
        box.setMnemonicParsing(false);
        if (vm.sessions().isEmpty()) {
            return box;
        }
        ScopeSessionsViewModel sessions = vm.sessions().get();
        Label session = new Label();
        session.setId("scope-session-" + ScopeSessionsViewModel.sessionKey(a));
        session.textProperty().bind(a.sessionTextProperty());
        session.getStyleClass().addAll(Styles.TEXT_SMALL);
        session.setWrapText(true);
        session.setPadding(new javafx.geometry.Insets(0, 0, 0, 24));
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(a.sessionDetailProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        session.setTooltip(tip);
        session.managedProperty().bind(a.sessionTextProperty().isNotEmpty());
        session.visibleProperty().bind(session.managedProperty());
        Runnable style = () -> {
            session.getStyleClass().removeAll(Styles.TEXT_MUTED, Styles.WARNING, Styles.DANGER, Styles.SUCCESS);
            session.getStyleClass().add(switch (a.status()) {
                case ACTIVE -> Styles.SUCCESS;
                case NEEDS_SIGN_IN -> Styles.WARNING;
                case FAILED -> Styles.DANGER;
                case UNKNOWN -> Styles.TEXT_MUTED;
            });
        };
        a.statusProperty().addListener(o -> style.run());
        style.run();
        Button signIn = new Button(texts.get("scope.session.signIn"));
        signIn.setId("scope-sign-in-" + ScopeSessionsViewModel.sessionKey(a));
        signIn.setMnemonicParsing(false);
        signIn.getStyleClass().addAll(Styles.SMALL);
        signIn.managedProperty().bind(a.statusProperty().isEqualTo(AccountChoice.SessionStatus.NEEDS_SIGN_IN));
        signIn.visibleProperty().bind(signIn.managedProperty());
        signIn.disableProperty().bind(a.busyProperty());
        signIn.setOnAction(e -> sessions.signIn(a));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox line = new HBox(6, box, grow, signIn);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(1, line, session);
        row.getStyleClass().add("sr-scope-account");
        return row;
    }

    private Label sectionLabel(String key, Icons icon) {
        Label l = new Label(texts.get(key), icon.icon());
        l.getStyleClass().add(Styles.SECTION_LABEL);
        return l;
    }

    private Button smallButton(String key, Runnable action) {
        Button b = new Button(texts.get(key));
        b.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        b.setOnAction(e -> action.run());
        return b;
    }
}

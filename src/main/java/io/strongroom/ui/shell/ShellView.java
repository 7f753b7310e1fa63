package io.strongroom.ui.shell;

import atlantafx.base.controls.Popover;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import io.strongroom.ui.common.Theme;
import io.strongroom.ui.feature.Contributions.SectionEntry;
import io.strongroom.ui.feature.Section;
import io.strongroom.ui.shell.ShellViewModel.BackendKind;
import io.strongroom.ui.shell.ShellViewModel.Identity;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The main window's content: a header (brand, scope picker, read-only badge, theme), the left
 * navigation, the current section, and a status bar that always says which backend and identity
 * the console acts as. Sections are the features' contributions, in navigation order; a planned
 * section without a view shows a "coming in a later release" page. Until one is chosen, the
 * first section shows.
 */
public final class ShellView extends BorderPane {

    public static final String SCOPE_BUTTON_ID = "scope-button";
    public static final String READ_ONLY_BADGE_ID = "read-only-badge";
    public static final String BACKEND_ID = "status-backend";
    public static final String IDENTITY_ID = "status-identity";

    /**
     * Extra content at the foot of the scope picker's account list (the custom endpoints). It may
     * open a dialog: {@code close} hides the picker first, {@code reopen} shows it again after.
     */
    @FunctionalInterface
    public interface PickerExtras {
        Node create(Runnable close, Runnable reopen);
    }

    private final ShellViewModel vm;
    private final Texts texts;
    private final List<SectionEntry> sections;
    private final Map<Section, Node> built = new HashMap<>();
    private final StackPane content = new StackPane();
    private final ToggleGroup navGroup = new ToggleGroup();
    private Button scopeButton;
    private PickerExtras pickerExtras;

    /** @param sections the features' sections, in navigation order */
    public ShellView(ShellViewModel vm, Texts texts, List<SectionEntry> sections) {
        this.vm = Objects.requireNonNull(vm);
        this.texts = Objects.requireNonNull(texts);
        this.sections = List.copyOf(sections);
        if (vm.sectionProperty().get() == null && !this.sections.isEmpty()) {
            vm.sectionProperty().set(this.sections.get(0).section());
        }
        getStyleClass().add(Styles.SHELL);
        getStylesheets().add(Objects.requireNonNull(ShellView.class.getResource(Styles.STYLESHEET)).toExternalForm());

        setTop(header());
        setLeft(navigation());
        setCenter(new StackPane(content, startupOverlay()));
        setBottom(statusBar());

        vm.sectionProperty().addListener((o, was, now) -> show(now));
        show(vm.sectionProperty().get());
        // the theme is the application's user-agent stylesheet, so dialogs follow it too
        vm.themeProperty().addListener((o, was, now) -> now.apply());
        vm.themeProperty().get().apply();
    }

    // ---- header -------------------------------------------------------------------------------

    private HBox header() {
        Label brand = new Label(texts.get("shell.brand"), Icons.BRAND.icon());
        brand.getStyleClass().add(Styles.BRAND);

        Button scope = new Button();
        scope.setId(SCOPE_BUTTON_ID);
        scope.setGraphic(Icons.SCOPE.icon());
        scope.setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
        scope.setGraphicTextGap(8);
        ScopePickerViewModel picker = vm.scopePicker();
        InvalidationListener summary = o -> scope.setText(scopeSummary(picker));
        picker.appliedChoiceProperty().addListener(summary);
        summary.invalidated(null);
        scope.disableProperty().bind(vm.startupProperty().isNotEqualTo(ShellViewModel.Startup.READY));
        scope.setOnAction(e -> openScopePicker(scope));
        scopeButton = scope;

        Label demo = new Label(texts.get("shell.demo"));
        demo.getStyleClass().add(Styles.DEMO_BADGE);
        demo.setTooltip(new Tooltip(texts.get("shell.demo.tooltip")));
        demo.visibleProperty().bind(vm.demoSeededProperty());
        demo.managedProperty().bind(demo.visibleProperty());

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);

        Label readOnly = readOnlyBadge();
        readOnly.setId(READ_ONLY_BADGE_ID);

        Button theme = new Button();
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        InvalidationListener themeIcon = o -> {
            boolean dark = vm.themeProperty().get() == Theme.DARK;
            theme.setGraphic((dark ? Icons.THEME_LIGHT : Icons.THEME_DARK).icon());
            theme.setTooltip(new Tooltip(texts.get(dark ? "shell.theme.toLight" : "shell.theme.toDark")));
        };
        vm.themeProperty().addListener(themeIcon);
        themeIcon.invalidated(null);
        theme.setOnAction(e -> vm.toggleTheme());

        HBox header = new HBox(brand, scope, demo, grow, readOnly, io.strongroom.ui.about.AboutDialog.headerButton(texts), theme);
        header.getStyleClass().add(Styles.HEADER);
        return header;
    }

    private Label readOnlyBadge() {
        Label badge = new Label(texts.get("shell.readOnly"), Icons.LOCKED.icon());
        badge.getStyleClass().add(Styles.READ_ONLY_BADGE);
        badge.setTooltip(new Tooltip(texts.get("shell.readOnly.tooltip")));
        badge.visibleProperty().bind(Bindings.createBooleanBinding(vm::isReadOnly, vm.readOnlyProperty()));
        badge.managedProperty().bind(badge.visibleProperty());
        return badge;
    }

    private String scopeSummary(ScopePickerViewModel picker) {
        var choice = picker.appliedChoiceProperty().get();
        if (choice == null || choice.accounts().isEmpty()) {
            return texts.get("scope.button.none");
        }
        List<String> regions = picker.appliedRegions();
        String regionText = choice.allRegions() ? texts.get("scope.regions.all")
                : texts.format("scope.regions.count", regions.size(), regions.isEmpty() ? "" : regions.get(0));
        return texts.format("scope.button", choice.accounts().size(), regionText);
    }

    /** Adds content under the scope picker's accounts (null: none). */
    public void setPickerExtras(PickerExtras extras) {
        this.pickerExtras = extras;
    }

    private void openScopePicker(Node owner) {
        ScopePickerView view = new ScopePickerView(vm.scopePicker(), texts);
        Popover popover = new Popover(view);
        if (pickerExtras != null) {
            view.setExtras(pickerExtras.create(popover::hide, () -> {
                if (scopeButton != null && scopeButton.getScene() != null) {
                    openScopePicker(scopeButton);
                }
            }));
        }
        popover.setTitle(texts.get("scope.title"));
        popover.setArrowLocation(Popover.ArrowLocation.TOP_LEFT);
        popover.setDetachable(false);
        view.setOnClose(popover::hide);
        view.setOnReopen(() -> {
            if (scopeButton != null && scopeButton.getScene() != null) {
                openScopePicker(scopeButton);
            }
        });
        // closing without Apply leaves the applied scope as it was
        popover.setOnHidden(e -> vm.scopePicker().revert());
        popover.show(owner);
    }

    // ---- navigation ---------------------------------------------------------------------------

    private VBox navigation() {
        VBox nav = new VBox();
        nav.getStyleClass().add(Styles.NAV);
        nav.setId("navigation");
        boolean laterHeader = false;
        boolean foot = false;
        for (SectionEntry entry : sections) {
            Section s = entry.section();
            boolean hasView = entry.hasView();
            if (!hasView && !s.planned()) {
                continue;
            }
            if (s.placement() == Section.Placement.FOOT && !foot) {
                foot = true;
                // settings sit at the foot of the navigation, apart from the work sections
                Region push = new Region();
                VBox.setVgrow(push, Priority.ALWAYS);
                nav.getChildren().add(push);
            }
            if (!hasView && !laterHeader) {
                Label later = new Label(texts.get("nav.soon").toUpperCase(java.util.Locale.ROOT));
                later.getStyleClass().add(Styles.SECTION_LABEL);
                nav.getChildren().add(later);
                laterHeader = true;
            }
            ToggleButton item = new ToggleButton(texts.get(s.textKey()), s.icon().icon());
            item.setId("nav-" + s.id());
            item.getStyleClass().setAll(Styles.NAV_ITEM);
            if (!hasView) {
                item.getStyleClass().add(Styles.NAV_SOON);
            }
            item.setMaxWidth(Double.MAX_VALUE);
            item.setToggleGroup(navGroup);
            item.setUserData(s);
            item.setSelected(vm.sectionProperty().get() == s);
            item.setOnAction(e -> {
                vm.sectionProperty().set(s);
                item.setSelected(true);     // a nav item stays selected when clicked again
            });
            item.setTooltip(new Tooltip(texts.get(s.textKey() + ".about")));
            nav.getChildren().add(item);
        }
        vm.sectionProperty().addListener((o, was, now) -> navGroup.getToggles().forEach(t -> t.setSelected(t.getUserData() == now)));
        return nav;
    }

    private void show(Section section) {
        if (section == null) {
            return;
        }
        Node node = built.computeIfAbsent(section, s -> {
            Supplier<? extends Node> factory = sections.stream().filter(e -> e.section().equals(s))
                    .map(SectionEntry::view).filter(Objects::nonNull).findFirst().orElse(null);
            return factory != null ? factory.get() : new PlaceholderView(s, texts);
        });
        content.getChildren().setAll(node);
    }

    // ---- start-up -------------------------------------------------------------------------------

    private Node startupOverlay() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(40, 40);
        Label title = new Label(texts.get("shell.starting"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label detail = new Label(texts.get("shell.starting.detail"));
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        VBox starting = new VBox(12, spinner, title, detail);
        starting.setAlignment(Pos.CENTER);

        Label failedTitle = new Label(texts.get("shell.failed"), Icons.ERROR.icon(Styles.DANGER));
        failedTitle.getStyleClass().add(Styles.TITLE_4);
        Label failedDetail = new Label();
        failedDetail.textProperty().bind(vm.startupErrorProperty());
        failedDetail.setWrapText(true);
        failedDetail.setMaxWidth(560);
        VBox failed = new VBox(12, failedTitle, failedDetail);
        failed.setAlignment(Pos.CENTER);

        StackPane overlay = new StackPane(starting, failed);
        overlay.setId("startup-overlay");
        overlay.getStyleClass().add(Styles.LOADING);
        InvalidationListener state = o -> {
            ShellViewModel.Startup s = vm.startupProperty().get();
            overlay.setVisible(s != ShellViewModel.Startup.READY);
            starting.setVisible(s == ShellViewModel.Startup.STARTING);
            failed.setVisible(s == ShellViewModel.Startup.FAILED);
        };
        vm.startupProperty().addListener(state);
        state.invalidated(null);
        return overlay;
    }

    // ---- status bar -------------------------------------------------------------------------------

    private HBox statusBar() {
        Label readOnly = readOnlyBadge();

        Label backend = new Label();
        backend.setId(BACKEND_ID);
        backend.getStyleClass().add(Styles.STATUS_ITEM);
        InvalidationListener backendText = o -> {
            BackendKind kind = vm.backendKindProperty().get();
            String detail = vm.backendDetailProperty().get();
            backend.setText(texts.get("status.backend." + kind.name()) + (detail.isEmpty() ? "" : "  " + detail));
            backend.setGraphic((switch (kind) {
                case AWS -> Icons.BACKEND_AWS;
                case CUSTOM, MIXED -> Icons.BACKEND_CUSTOM;
                default -> Icons.BACKEND_EMBEDDED;
            }).icon());
            backend.setTooltip(new Tooltip(backend.getText()));
        };
        vm.backendKindProperty().addListener(backendText);
        vm.backendDetailProperty().addListener(backendText);
        backendText.invalidated(null);

        Label identity = new Label();
        identity.setId(IDENTITY_ID);
        identity.getStyleClass().add(Styles.STATUS_ITEM);
        identity.setGraphic(Icons.IDENTITY.icon());
        Runnable identityText = () -> {
            List<Identity> ids = vm.identities();
            List<Identity> known = ids.stream().filter(Identity::known).toList();
            String text;
            if (ids.isEmpty()) {
                text = texts.get(vm.scopePicker().appliedScopes().isEmpty() ? "status.identity.none" : "status.identity.pending");
            } else if (known.isEmpty()) {
                text = texts.format("status.identity.failed", ids.get(0).error());
            } else {
                text = known.size() == 1 && ids.size() == 1 ? texts.format("status.identity.one", known.get(0).arn())
                        : texts.format("status.identity.more", known.get(0).arn(), ids.size() - 1);
            }
            identity.setText(text);
            StringBuilder tip = new StringBuilder();
            for (Identity i : ids) {
                tip.append(i.accountAlias()).append(": ").append(i.known() ? i.arn() : i.error()).append('\n');
            }
            identity.setTooltip(tip.length() == 0 ? null : new Tooltip(tip.toString().strip()));
            identity.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"),
                    ids.stream().anyMatch(i -> !i.known()));
        };
        vm.identities().addListener((ListChangeListener<Identity>) c -> identityText.run());
        vm.scopePicker().appliedScopesProperty().addListener(o -> identityText.run());
        identityText.run();

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);

        Label count = new Label();
        count.setId("status-count");
        count.getStyleClass().add(Styles.STATUS_ITEM);
        var inventory = vm.inventory();
        InvalidationListener countText = o -> {
            int visible = inventory.visibleCountProperty().get();
            int loaded = inventory.loadedCountProperty().get();
            count.setText(visible == loaded ? texts.format("status.secrets", loaded)
                    : texts.format("status.secrets.filtered", visible, loaded));
        };
        inventory.visibleCountProperty().addListener(countText);
        inventory.loadedCountProperty().addListener(countText);
        countText.invalidated(null);

        HBox bar = new HBox(readOnly, backend, identity, grow, count);
        bar.getStyleClass().add(Styles.STATUS_BAR);
        return bar;
    }
}

package io.strongroom.ui.about;

import io.strongroom.ui.common.Controls;
import io.strongroom.ui.common.FxClipboardService;
import io.strongroom.ui.common.Icons;
import io.strongroom.ui.common.Styles;
import io.strongroom.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Objects;

/**
 * The About dialog over {@link AboutViewModel}: the icon, name, version and licence in the
 * header; the Java runtime; a tab with the third-party libraries (filterable table) and a tab
 * with Strongroom's licence text; "Copy details" (stays open) and Close.
 */
public final class AboutDialog extends Dialog<Void> {

    public static final String BUNDLE = "io.strongroom.ui.about.messages";
    public static final String BUTTON_ID = "about-button";
    public static final String TABLE_ID = "about-libraries";
    public static final String FILTER_ID = "about-filter";
    public static final String COPY_ID = "about-copy";

    private final AboutViewModel vm;
    private final Texts texts;
    private final TabPane tabs = new TabPane();

    public AboutDialog(AboutViewModel vm, Texts texts) {
        this.vm = Objects.requireNonNull(vm);
        this.texts = Objects.requireNonNull(texts).in(BUNDLE);
        setTitle(this.texts.get("about.title"));
        setResizable(true);
        getDialogPane().getStylesheets().add(Controls.STYLESHEET);
        getDialogPane().getStyleClass().add("sr-dialog");
        // AtlantaFX caps dialog panes at 600 px in its stylesheet; inline wins
        getDialogPane().setStyle("-fx-pref-width: 860px; -fx-max-width: 1100px;");
        getDialogPane().setHeader(header());
        getDialogPane().setContent(body());

        ButtonType copy = new ButtonType(this.texts.get("about.copy"), ButtonBar.ButtonData.LEFT);
        getDialogPane().getButtonTypes().addAll(copy, ButtonType.CLOSE);
        Button copyButton = (Button) getDialogPane().lookupButton(copy);
        copyButton.setId(COPY_ID);
        copyButton.setGraphic(Icons.COPY.icon());
        copyButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();                // copying keeps the dialog open
            vm.copyDetails();
            copyButton.setText(this.texts.get("about.copied"));
        });
    }

    /** Opens the dialog over {@code owner} and waits until it is closed (FX thread). */
    public static void show(Window owner, Texts texts) {
        AboutDialog dialog = new AboutDialog(new AboutViewModel(AboutInfo.current(), new FxClipboardService()), texts);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.showAndWait();
    }

    /** A flat icon button for the console's header that opens the dialog over its own window. */
    public static Button headerButton(Texts texts) {
        Button button = new Button(null, Icons.INFO.icon());
        button.setId(BUTTON_ID);
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(texts.in(BUNDLE).get("about.button.tooltip")));
        button.setOnAction(e -> show(button.getScene() == null ? null : button.getScene().getWindow(), texts));
        return button;
    }

    private HBox header() {
        ImageView icon = new ImageView(AppIcon.image(64));
        icon.setFitWidth(64);
        icon.setFitHeight(64);
        Label name = new Label(vm.name());
        name.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_2);
        Label version = new Label(texts.format("about.version", vm.version()));
        version.getStyleClass().add(Styles.TEXT_BOLD);
        Label licence = new Label(texts.format("about.licence", vm.licence()));
        licence.getStyleClass().add(Styles.TEXT_MUTED);
        VBox text = new VBox(2, name, version, licence);
        text.setAlignment(Pos.CENTER_LEFT);
        HBox header = new HBox(16, icon, text);
        header.setPadding(new Insets(20, 16, 8, 16));
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private VBox body() {
        Label runtime = new Label(vm.runtime());
        runtime.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        Label intro = new Label(texts.get("about.libraries.intro"));
        intro.setWrapText(true);
        TextField filter = new TextField();
        filter.setId(FILTER_ID);
        filter.setPromptText(texts.get("about.libraries.filter"));
        filter.textProperty().bindBidirectional(vm.filterProperty());

        TableView<Library> table = new TableView<>(vm.libraries());
        table.setId(TABLE_ID);
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("about.column.library", Library::name, 390));
        table.getColumns().add(column("about.column.version", Library::version, 100));
        table.getColumns().add(column("about.column.licence", Library::licence, 300));
        table.setPrefHeight(300);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox libraries = new VBox(8, intro, filter, table);
        libraries.setPadding(new Insets(10, 0, 0, 0));
        Tab librariesTab = new Tab(null, libraries);
        librariesTab.textProperty().bind(Bindings.createStringBinding(() -> {
            String s = vm.summaryProperty().get();
            int slash = s.indexOf('/');
            return slash < 0 ? texts.format("about.libraries.tab", s)
                    : texts.format("about.libraries.filtered", s.substring(0, slash), s.substring(slash + 1));
        }, vm.summaryProperty()));

        TextArea licenceText = new TextArea(vm.licenceText());
        licenceText.setEditable(false);
        licenceText.setStyle("-fx-font-family: monospace;");
        licenceText.setPrefRowCount(16);
        Tab licenceTab = new Tab(texts.get("about.licence.tab"), licenceText);

        tabs.getTabs().addAll(librariesTab, licenceTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox body = new VBox(10, runtime, tabs);
        body.setPadding(new Insets(4, 8, 0, 8));
        return body;
    }

    private TableColumn<Library, String> column(String key, java.util.function.Function<Library, String> value, double width) {
        TableColumn<Library, String> c = new TableColumn<>(texts.get(key));
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** The tabs (for tests and screenshots). */
    TabPane tabs() {
        return tabs;
    }
}

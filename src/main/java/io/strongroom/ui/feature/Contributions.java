package io.strongroom.ui.feature;

import io.strongroom.ui.common.DetailTab;
import io.strongroom.ui.common.InventoryColumn;
import javafx.scene.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the features put into the console: navigation sections, secret-detail tabs and inventory
 * columns (the inventory's own too, through the same {@link InventoryColumn} contract).
 */
public final class Contributions {

    /** A section and the view it shows; {@code view} is null for a section not built yet (planned or hidden). */
    public record SectionEntry(Section section, Supplier<? extends Node> view) {
        public SectionEntry {
            Objects.requireNonNull(section, "section");
        }

        public boolean hasView() {
            return view != null;
        }
    }

    private final List<SectionEntry> sections = new ArrayList<>();
    private final List<DetailTab.Factory> detailTabs = new ArrayList<>();
    private final List<InventoryColumn<?>> inventoryColumns = new ArrayList<>();

    /** A section with its view, built on first show (FX thread) and kept. */
    public void section(Section section, Supplier<? extends Node> view) {
        add(new SectionEntry(section, Objects.requireNonNull(view, "view")));
    }

    /** A section without a view yet: "coming later" if it is planned, hidden otherwise. */
    public void sectionWithoutView(Section section) {
        add(new SectionEntry(section, null));
    }

    /** A tab of the secret detail; the detail shows tabs in the order they are contributed. */
    public void detailTab(DetailTab.Factory tab) {
        detailTabs.add(Objects.requireNonNull(tab, "tab"));
    }

    /** A column of the inventory table; the table shows them in the order they are contributed, the inventory's own first. */
    public void inventoryColumn(InventoryColumn<?> column) {
        inventoryColumns.add(Objects.requireNonNull(column, "column"));
    }

    private void add(SectionEntry entry) {
        if (sections.stream().anyMatch(e -> e.section().id().equals(entry.section().id()))) {
            throw new IllegalArgumentException("two sections with id " + entry.section().id());
        }
        sections.add(entry);
    }

    /** The sections in navigation order. */
    public List<SectionEntry> sections() {
        return sections.stream().sorted(Comparator.comparingInt(e -> e.section().order())).toList();
    }

    public List<DetailTab.Factory> detailTabs() {
        return List.copyOf(detailTabs);
    }

    public List<InventoryColumn<?>> inventoryColumns() {
        return List.copyOf(inventoryColumns);
    }
}

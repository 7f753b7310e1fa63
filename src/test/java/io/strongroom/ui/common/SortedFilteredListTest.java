package io.strongroom.ui.common;

import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The list against a naive model (sort everything, filter everything), and its change events
 * against a mirror that only sees the events, as a TableView does.
 */
class SortedFilteredListTest {

    /** A list that follows another by its change events alone. */
    static final class Mirror<E> implements ListChangeListener<E> {
        final List<E> items = new ArrayList<>();
        int permutations;

        @Override
        public void onChanged(Change<? extends E> c) {
            while (c.next()) {
                if (c.wasPermutated()) {
                    permutations++;
                    List<E> copy = new ArrayList<>(items);
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        copy.set(c.getPermutation(i), items.get(i));
                    }
                    items.clear();
                    items.addAll(copy);
                } else {
                    for (int i = 0; i < c.getRemovedSize(); i++) {
                        items.remove(c.getFrom());
                    }
                    items.addAll(c.getFrom(), c.getAddedSubList());
                }
            }
        }
    }

    record Row(int key, int seq) {}

    @RepeatedTest(20)
    void matchesTheNaiveModelThroughBatchesFiltersSortsAndRemovals() {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        SortedFilteredList<Row> list = new SortedFilteredList<>();
        Mirror<Row> mirror = new Mirror<>();
        list.addListener(mirror);
        List<Row> model = new ArrayList<>();
        Comparator<Row> byKey = Comparator.comparingInt(Row::key);
        Comparator<Row> current = null;
        Predicate<Row> filter = null;
        int seq = 0;
        for (int step = 0; step < 60; step++) {
            int op = random.nextInt(10);
            if (op < 5) {
                List<Row> batch = new ArrayList<>();
                for (int i = random.nextInt(40); i > 0; i--) {
                    batch.add(new Row(random.nextInt(50), seq++));
                }
                list.addAllRows(batch);
                model.addAll(batch);
            } else if (op == 5) {
                int mod = 2 + random.nextInt(3);
                filter = random.nextBoolean() ? null : r -> r.key() % mod == 0;
                list.setPredicate(filter);
            } else if (op == 6) {
                current = random.nextBoolean() ? byKey : byKey.reversed();
                list.comparatorProperty().set(current);
            } else if (op == 7) {
                int cut = random.nextInt(50);
                list.removeRows(r -> r.key() == cut);
                model.removeIf(r -> r.key() == cut);
            } else if (op == 8 && filter != null) {
                Predicate<Row> before = filter;
                Predicate<Row> narrower = r -> before.test(r) && r.key() > 10;
                filter = narrower;
                list.setPredicate(narrower, true);
            } else if (op == 9 && random.nextInt(4) == 0) {
                list.clearRows();
                model.clear();
            }
            List<Row> expected = expected(model, current, filter, list);
            assertEquals(expected.stream().map(Row::key).toList(), list.stream().map(Row::key).toList(), "seed " + seed + " step " + step);
            assertEquals(new ArrayList<>(list), mirror.items, "events replay to the same list; seed " + seed);
            assertEquals(model.size(), list.unfilteredSize());
        }
    }

    /** Sorted by key (stability is not asserted), filtered. */
    private static List<Row> expected(List<Row> model, Comparator<Row> c, Predicate<Row> p, SortedFilteredList<Row> list) {
        List<Row> out = new ArrayList<>();
        for (Row r : model) {
            if (p == null || p.test(r)) {
                out.add(r);
            }
        }
        if (c != null) {
            out.sort(c);
        } else {
            // without a comparator the list keeps its own order; compare as multisets in that order
            out.sort(Comparator.comparingInt(r -> list.indexOf(r)));
        }
        return out;
    }

    @Test
    void sortingFiresAPermutation() {
        SortedFilteredList<Row> list = new SortedFilteredList<>();
        list.addAllRows(List.of(new Row(3, 0), new Row(1, 1), new Row(2, 2)));
        Mirror<Row> mirror = new Mirror<>();
        mirror.items.addAll(list);
        list.addListener(mirror);
        list.comparatorProperty().set(Comparator.comparingInt(Row::key));
        assertEquals(List.of(1, 2, 3), list.stream().map(Row::key).toList());
        assertEquals(1, mirror.permutations);
        assertEquals(new ArrayList<>(list), mirror.items);
    }

    /** A filter on keys divisible by {@code d}, counting how often it tests a row. */
    static final class Divisible implements Predicate<Row> {
        final int d;
        int tests;

        Divisible(int d) {
            this.d = d;
        }

        @Override
        public boolean test(Row r) {
            tests++;
            return r.key() % d == 0;
        }
    }

    private static SortedFilteredList<Row> rows(int n) {
        SortedFilteredList<Row> list = new SortedFilteredList<>();
        list.comparatorProperty().set(Comparator.comparingInt(Row::key));
        List<Row> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(new Row(i, i));
        }
        list.addAllRows(all);
        return list;
    }

    @Test
    void erasingBackToAFilterTypedBeforeShowsItsRowsWithoutTestingThem() {
        SortedFilteredList<Row> list = rows(120);
        Mirror<Row> mirror = new Mirror<>();
        mirror.items.addAll(list);
        list.addListener(mirror);
        Divisible by2 = new Divisible(2);
        Divisible by4 = new Divisible(4);
        Divisible by8 = new Divisible(8);
        list.setPredicate(by2, false, "2");
        list.setPredicate(by4, true, "4");
        list.setPredicate(by8, true, "8");
        assertEquals(15, list.size());

        Divisible by4Again = new Divisible(4);
        list.setPredicate(by4Again, false, "4");
        assertEquals(0, by4Again.tests, "the kept view is shown, no row tested");
        assertEquals(30, list.size());
        assertEquals(new ArrayList<>(list), mirror.items);
        Divisible by2Again = new Divisible(2);
        list.setPredicate(by2Again, false, "2");
        assertEquals(0, by2Again.tests);
        assertEquals(60, list.size());
        assertEquals(by2, list.getPredicate());
        assertEquals(new ArrayList<>(list), mirror.items);
    }

    @Test
    void keptViewsAreForgottenWhenRowsOrTheirOrderChange() {
        SortedFilteredList<Row> list = rows(40);
        list.setPredicate(new Divisible(2), false, "2");
        list.setPredicate(new Divisible(4), true, "4");
        list.addAllRows(List.of(new Row(100, 100)));
        Divisible by2Again = new Divisible(2);
        list.setPredicate(by2Again, false, "2");
        assertEquals(41, by2Again.tests, "every row tested again, the new one included");
        assertEquals(21, list.size());

        list.setPredicate(new Divisible(4), true, "4");
        list.comparatorProperty().set(Comparator.comparingInt(Row::key).reversed());
        Divisible afterSort = new Divisible(2);
        list.setPredicate(afterSort, false, "2");
        assertEquals(41, afterSort.tests);
        assertEquals(100, list.get(0).key());

        list.setPredicate(new Divisible(4), true, "4");
        list.removeRows(r -> r.key() == 100);
        Divisible afterRemoval = new Divisible(2);
        list.setPredicate(afterRemoval, false, "2");
        assertEquals(40, afterRemoval.tests);
        assertEquals(20, list.size());
    }
}

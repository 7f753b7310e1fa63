package io.strongroom.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableListBase;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A read-only observable list of rows kept sorted and filtered, built for tables of 100,000 rows
 * that grow a page at a time.
 *
 * <p>Why not {@code SortedList} over {@code FilteredList}: those insert added elements one at a
 * time, each insert shifting the whole backing array, so streaming 100,000 rows into a sorted
 * table costs seconds of FX-thread time. Here a batch is sorted on its own and merged in one
 * pass ({@code O(n + k log k)}), and fires one change. The full list stays sorted, so a new
 * predicate (a keystroke) is one pass with no sort, and a narrowing predicate (one more
 * character typed) only re-tests the rows now visible. The views left behind while narrowing are
 * kept, keyed by what the caller says their filter was: erasing back to one of those filters
 * (a backspace) shows the kept view again without testing a row.
 *
 * <p>Sorting fires a permutation, so a table keeps its selection when a header is clicked. Not
 * thread-safe: one thread at a time (the FX thread, or a test's lock).
 */
public final class SortedFilteredList<E> extends ObservableListBase<E> {

    private Object[] all = new Object[16];
    private int allSize;
    private Object[] view = new Object[16];
    private int size;
    private Predicate<? super E> predicate;
    /** The current view's filter as the caller named it (see {@link #setPredicate(Predicate, boolean, Object)}). */
    private Object filterKey;
    /** Views left behind by narrowing, oldest first; valid until rows or their order change. */
    private final java.util.ArrayDeque<Narrowed> narrowed = new java.util.ArrayDeque<>();

    /** A view as it was before a narrowing, with the filter that made it. */
    private record Narrowed(Object key, Predicate<?> predicate, Object[] view, int size) {}

    private final ObjectProperty<Comparator<? super E>> comparator = new SimpleObjectProperty<>(this, "comparator") {
        @Override
        protected void invalidated() {
            resort();
        }
    };

    // ---- reading --------------------------------------------------------------------------------

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, size);
        return (E) view[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** Every row, filtered or not, in sort order. */
    @SuppressWarnings("unchecked")
    public List<E> unfiltered() {
        return Collections.unmodifiableList((List<E>) Arrays.asList(Arrays.copyOf(all, allSize)));
    }

    public int unfilteredSize() {
        return allSize;
    }

    /** Rows are ordered by this; null keeps them in the order they were added. Bind it to a table's comparator. */
    public ObjectProperty<Comparator<? super E>> comparatorProperty() {
        return comparator;
    }

    public Predicate<? super E> getPredicate() {
        return predicate;
    }

    // ---- changing -------------------------------------------------------------------------------

    /** Adds rows: merged into sort order, the ones passing the predicate shown, in one change. */
    public void addAllRows(Collection<? extends E> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Comparator<? super E> c = comparator.get();
        @SuppressWarnings("unchecked")
        E[] batch = (E[]) rows.toArray();
        if (c != null) {
            Arrays.sort(batch, c);
        }
        narrowed.clear();
        all = mergeInto(all, allSize, batch, batch.length, c, null);
        allSize += batch.length;
        int shownCount = 0;
        @SuppressWarnings("unchecked")
        E[] shown = (E[]) new Object[batch.length];
        for (E e : batch) {
            if (predicate == null || predicate.test(e)) {
                shown[shownCount++] = e;
            }
        }
        if (shownCount == 0) {
            return;
        }
        int[] addedAt = new int[shownCount];
        view = mergeInto(view, size, shown, shownCount, c, addedAt);
        size += shownCount;
        beginChange();
        int from = addedAt[0];
        int to = from + 1;
        for (int n = 1; n < shownCount; n++) {
            if (addedAt[n] == to) {
                to++;
            } else {
                nextAdd(from, to);
                from = addedAt[n];
                to = from + 1;
            }
        }
        nextAdd(from, to);
        fire();
    }

    /**
     * Merges sorted {@code batch} into sorted {@code target[0, targetSize)}: each batch row's place
     * by binary search (after equal rows, so the merge is stable), the runs between by array copy.
     * {@code O(k log n)} comparisons and one pass of copying. Returns the (possibly new) array.
     */
    private static <E> Object[] mergeInto(Object[] target, int targetSize, E[] batch, int batchSize, Comparator<? super E> c,
                                          int[] addedAt) {
        int newSize = targetSize + batchSize;
        Object[] out = target.length >= newSize ? target : new Object[Math.max(16, newSize + (newSize >> 2))];
        if (c == null) {
            if (out != target) {
                System.arraycopy(target, 0, out, 0, targetSize);
            }
            System.arraycopy(batch, 0, out, targetSize, batchSize);
            if (addedAt != null) {
                for (int j = 0; j < batchSize; j++) {
                    addedAt[j] = targetSize + j;
                }
            }
            return out;
        }
        int[] pos = new int[batchSize];
        int lo = 0;
        for (int j = 0; j < batchSize; j++) {
            lo = upperBound(target, lo, targetSize, batch[j], c);
            pos[j] = lo;
        }
        // fill from the back so the same array can be used in place
        int src = targetSize;
        int dst = newSize;
        for (int j = batchSize - 1; j >= 0; j--) {
            int run = src - pos[j];
            dst -= run;
            src -= run;
            System.arraycopy(target, src, out, dst, run);
            out[--dst] = batch[j];
            if (addedAt != null) {
                addedAt[j] = dst;
            }
        }
        if (out != target && src > 0) {
            System.arraycopy(target, 0, out, 0, src);
        }
        return out;
    }

    /** The first index in {@code [from, to)} whose row sorts after {@code key}. */
    @SuppressWarnings("unchecked")
    private static <E> int upperBound(Object[] a, int from, int to, E key, Comparator<? super E> c) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (c.compare((E) a[mid], key) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Removes every row. */
    public void clearRows() {
        narrowed.clear();
        all = new Object[16];
        allSize = 0;
        if (size == 0) {
            return;
        }
        List<E> removed = snapshot();
        view = new Object[16];
        size = 0;
        beginChange();
        nextRemove(0, removed);
        fire();
    }

    /** Removes the rows matching {@code which}; returns how many. */
    public int removeRows(Predicate<? super E> which) {
        int before = allSize;
        int kept = 0;
        for (int i = 0; i < allSize; i++) {
            @SuppressWarnings("unchecked")
            E e = (E) all[i];
            if (!which.test(e)) {
                all[kept++] = e;
            }
        }
        Arrays.fill(all, kept, allSize, null);
        allSize = kept;
        if (before == allSize) {
            return 0;
        }
        narrowed.clear();
        Object[] next = new Object[Math.max(16, size)];
        int k = 0;
        beginChange();
        for (int i = 0; i < size; i++) {
            @SuppressWarnings("unchecked")
            E e = (E) view[i];
            if (which.test(e)) {
                nextRemove(k, e);
            } else {
                next[k++] = e;
            }
        }
        view = next;
        size = k;
        fire();
        return before - allSize;
    }

    /**
     * Shows the rows passing {@code p} (null: all). With {@code narrowing} the caller promises
     * that {@code p} passes only rows the current predicate passes (more text typed), and only the
     * visible rows are tested.
     */
    public void setPredicate(Predicate<? super E> p, boolean narrowing) {
        setPredicate(p, narrowing, null);
    }

    /**
     * {@link #setPredicate(Predicate, boolean)}, with {@code key} naming the filter {@code p}
     * stands for (equal keys: equal filters; null: unnamed). Narrowing keeps the view it leaves;
     * a later key equal to a kept view's key shows that view again instead of testing the rows,
     * as long as no row was added or removed and the order did not change since.
     */
    @SuppressWarnings("unchecked")
    public void setPredicate(Predicate<? super E> p, boolean narrowing, Object key) {
        boolean narrowOnly = narrowing && predicate != null && p != null;
        Narrowed back = null;
        if (narrowOnly) {
            narrowed.addLast(new Narrowed(filterKey, predicate, view, size));
        } else {
            back = key == null ? null : takeBack(key);
        }
        List<E> removed = snapshot();
        Object[] next;
        int k = 0;
        if (back != null) {
            predicate = (Predicate<? super E>) back.predicate();
            filterKey = key;
            view = back.view();
            size = back.size();
            beginChange();
            nextReplace(0, size, removed);
            fire();
            return;
        }
        predicate = p;
        filterKey = key;
        if (narrowOnly) {
            next = new Object[Math.max(16, size)];
            for (int i = 0; i < size; i++) {
                @SuppressWarnings("unchecked")
                E e = (E) view[i];
                if (p.test(e)) {
                    next[k++] = e;
                }
            }
        } else {
            next = new Object[Math.max(16, allSize)];
            for (int i = 0; i < allSize; i++) {
                @SuppressWarnings("unchecked")
                E e = (E) all[i];
                if (p == null || p.test(e)) {
                    next[k++] = e;
                }
            }
        }
        view = next;
        size = k;
        beginChange();
        nextReplace(0, size, removed);
        fire();
    }

    public void setPredicate(Predicate<? super E> p) {
        setPredicate(p, false, null);
    }

    /** The kept view for {@code key}, dropping it and every view kept after it; null when none. */
    private Narrowed takeBack(Object key) {
        if (narrowed.stream().noneMatch(n -> key.equals(n.key()))) {
            narrowed.clear();       // a different filter altogether: what was kept no longer leads back
            return null;
        }
        Narrowed n;
        do {
            n = narrowed.removeLast();
        } while (!key.equals(n.key()));
        return n;
    }

    private void resort() {
        Comparator<? super E> c = comparator.get();
        if (c == null) {
            return;     // rows stay where they are
        }
        narrowed.clear();
        @SuppressWarnings("unchecked")
        E[] typedAll = (E[]) all;
        Arrays.sort(typedAll, 0, allSize, c);
        if (size == 0) {
            return;
        }
        Object[] old = view;
        int oldSize = size;
        Object[] next = Arrays.copyOf(old, old.length);
        @SuppressWarnings("unchecked")
        E[] typed = (E[]) next;
        Arrays.sort(typed, 0, oldSize, c);
        Map<Object, Integer> newIndex = new IdentityHashMap<>(oldSize * 2);
        for (int i = 0; i < oldSize; i++) {
            newIndex.put(next[i], i);
        }
        int[] perm = new int[oldSize];
        for (int i = 0; i < oldSize; i++) {
            perm[i] = newIndex.get(old[i]);
        }
        view = next;
        beginChange();
        nextPermutation(0, oldSize, perm);
        fire();
    }

    private boolean firing;

    /**
     * True while listeners are being told of a change. A table adjusts its selection inside that
     * notification; a view can tell such a selection change (rows came and went) from a user's.
     */
    public boolean isChanging() {
        return firing;
    }

    private void fire() {
        firing = true;
        try {
            endChange();
        } finally {
            firing = false;
        }
    }

    private List<E> snapshot() {
        @SuppressWarnings("unchecked")
        List<E> list = (List<E>) Arrays.asList(Arrays.copyOf(view, size));
        return list;
    }
}

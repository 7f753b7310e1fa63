package io.strongroom.local.analyzer;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides how two IAM wildcard patterns relate, exactly: {@code *} matches any run of characters
 * (none, colons and slashes included), {@code ?} exactly one character, every other character
 * itself (ignoring case for actions, exactly for ARNs).
 *
 * <h2>Containment</h2>
 * {@link #contains(String, String, boolean) contains(outer, inner)} is true exactly when every string
 * {@code inner} matches is matched by {@code outer}. It runs {@code outer}'s automaton (its states
 * are positions in the pattern) over {@code inner} read symbolically: a literal of {@code inner} is
 * that character; a {@code ?} or a character of a {@code *} is read as a <em>fresh</em> character,
 * one that equals no literal of {@code outer}. That is enough because a fresh character can take
 * only the transitions every character can take ({@code ?} and {@code *}), so if {@code outer}
 * accepts a string with fresh characters it accepts every string made by replacing them: the fresh
 * strings are the hardest {@code inner} can offer. A {@code *} of {@code inner} stands for any
 * number of fresh characters, so the search follows every distinct set of states reading 0, 1, 2...
 * fresh characters reaches (the sequence repeats after at most as many steps as {@code outer} has
 * states). Containment fails when any path ends in a set without the accepting state.
 *
 * <h2>Intersection</h2>
 * {@link #intersects} is true exactly when some string matches both patterns: a reachability search
 * over pairs of positions, where both patterns read the same character (a {@code *} may also stop).
 */
final class GlobContainment {

    private GlobContainment() {
    }

    /** Whether every string {@code inner} matches is matched by {@code outer}. */
    static boolean contains(String outer, String inner, boolean ignoreCase) {
        if (outer.equals("*") || (ignoreCase ? outer.equalsIgnoreCase(inner) : outer.equals(inner))) {
            return true;
        }
        int m = outer.length();
        BitSet start = new BitSet(m + 1);
        start.set(0);
        closeOver(outer, start);
        Deque<Config> work = new ArrayDeque<>();
        Set<Config> seen = new HashSet<>();
        Config first = new Config(0, start);
        work.push(first);
        seen.add(first);
        while (!work.isEmpty()) {
            Config c = work.pop();
            if (c.states.isEmpty()) {
                return false;
            }
            if (c.at == inner.length()) {
                if (!c.states.get(m)) {
                    return false;
                }
                continue;
            }
            char token = inner.charAt(c.at);
            if (token == '*') {
                BitSet states = c.states;
                Set<BitSet> reached = new HashSet<>();
                while (reached.add(states)) {
                    Config next = new Config(c.at + 1, states);
                    if (seen.add(next)) {
                        work.push(next);
                    }
                    states = step(outer, states, FRESH, ignoreCase);
                }
            } else {
                int symbol = token == '?' ? FRESH : token;
                Config next = new Config(c.at + 1, step(outer, c.states, symbol, ignoreCase));
                if (seen.add(next)) {
                    work.push(next);
                }
            }
        }
        return true;
    }

    /** Whether some string is matched by both patterns. */
    static boolean intersects(String a, String b, boolean ignoreCase) {
        int n = a.length();
        int m = b.length();
        boolean[][] seen = new boolean[n + 1][m + 1];
        Deque<int[]> work = new ArrayDeque<>();
        work.push(new int[] {0, 0});
        seen[0][0] = true;
        while (!work.isEmpty()) {
            int[] p = work.pop();
            int i = p[0];
            int j = p[1];
            if (i == n && j == m) {
                return true;
            }
            char x = i < n ? a.charAt(i) : 0;
            char y = j < m ? b.charAt(j) : 0;
            // A star may match nothing more.
            if (i < n && x == '*') {
                visit(seen, work, i + 1, j);
            }
            if (j < m && y == '*') {
                visit(seen, work, i, j + 1);
            }
            if (i < n && j < m) {
                boolean starX = x == '*';
                boolean starY = y == '*';
                if (starX && starY) {
                    continue; // reading a character in both stars leads back here
                }
                if (starX) {
                    visit(seen, work, i, j + 1); // the star reads the character y's position offers
                } else if (starY) {
                    visit(seen, work, i + 1, j);
                } else if (x == '?' || y == '?' || same(x, y, ignoreCase)) {
                    visit(seen, work, i + 1, j + 1);
                }
            }
        }
        return false;
    }

    /** A symbol equal to no character (the fresh character of the containment search). */
    private static final int FRESH = -1;

    private record Config(int at, BitSet states) {}

    private static void visit(boolean[][] seen, Deque<int[]> work, int i, int j) {
        if (!seen[i][j]) {
            seen[i][j] = true;
            work.push(new int[] {i, j});
        }
    }

    /** The states after reading {@code symbol} from {@code states}, closed over stars matching nothing. */
    private static BitSet step(String pattern, BitSet states, int symbol, boolean ignoreCase) {
        int m = pattern.length();
        BitSet next = new BitSet(m + 1);
        for (int s = states.nextSetBit(0); s >= 0 && s < m; s = states.nextSetBit(s + 1)) {
            char c = pattern.charAt(s);
            if (c == '*') {
                next.set(s);
            } else if (c == '?' || (symbol != FRESH && same(c, (char) symbol, ignoreCase))) {
                next.set(s + 1);
            }
        }
        closeOver(pattern, next);
        return next;
    }

    /** Adds, for every state at a star, the state after it (a star may match nothing). */
    private static void closeOver(String pattern, BitSet states) {
        for (int s = states.nextSetBit(0); s >= 0 && s < pattern.length(); s = states.nextSetBit(s + 1)) {
            if (pattern.charAt(s) == '*') {
                states.set(s + 1);
            }
        }
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
    }
}

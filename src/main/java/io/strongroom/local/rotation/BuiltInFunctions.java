package io.strongroom.local.rotation;

import java.util.ArrayList;
import java.util.List;

/** The rotation functions every embedded store has, in the order ListFunctions lists them. */
public final class BuiltInFunctions {

    private BuiltInFunctions() {}

    /** The built-in functions followed by {@code extra} (external commands a user configured). */
    public static RotationFunctions with(List<? extends RotationFunction> extra) {
        List<RotationFunction> all = new ArrayList<>();
        all.add(new RandomValueFunction());
        all.add(new PostgresSingleUserFunction());
        all.add(new PostgresAlternatingUsersFunction());
        all.addAll(extra);
        return new RotationFunctions(all);
    }
}

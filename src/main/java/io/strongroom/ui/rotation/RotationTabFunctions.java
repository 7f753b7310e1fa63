package io.strongroom.ui.rotation;

import io.strongroom.domain.RotationFunctionInfo;
import io.strongroom.domain.SecretSummary;
import io.strongroom.service.RotationService;
import io.strongroom.ui.common.LatestWins;
import io.strongroom.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Rotation tab's function picker: the functions Lambda lists in the secret's scope (read once
 * per scope), with the secret's own function chosen, and shown first when Lambda does not list it
 * (a function of another account, or one removed since).
 */
public final class RotationTabFunctions {

    private final RotationService rotations;
    private final LatestWins loading;
    private final Map<String, List<RotationFunctionInfo>> byScope = new ConcurrentHashMap<>();
    private final ObservableList<RotationFunctionInfo> functions = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners added to it stay registered (a new view per call is only weakly held by the list). */
    private final ObservableList<RotationFunctionInfo> functionsShown = FXCollections.unmodifiableObservableList(functions);
    private final ObjectProperty<RotationFunctionInfo> chosen = new SimpleObjectProperty<>(this, "chosen");
    private SecretSummary secret;

    RotationTabFunctions(RotationService rotations, UiExecutor executor) {
        this.rotations = Objects.requireNonNull(rotations);
        this.loading = new LatestWins(this, executor);
    }

    /** The functions of the secret's scope, by name, with the secret's own first when Lambda does not list it. */
    public ObservableList<RotationFunctionInfo> functions() {
        return functionsShown;
    }

    /** The function chosen for Save. */
    public ObjectProperty<RotationFunctionInfo> chosenProperty() {
        return chosen;
    }

    /** Whether Lambda lists {@code f} in its scope. */
    public boolean isListed(RotationFunctionInfo f) {
        List<RotationFunctionInfo> listed = f == null ? null : byScope.get(f.scope().id());
        return listed != null && listed.contains(f);
    }

    /** Why the functions could not be listed (scope, code, request ID), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return loading.errorProperty();
    }

    /** Shows the functions for {@code s} (null: none), the secret's own chosen; lists its scope's functions the first time. */
    void show(SecretSummary s) {
        secret = s;
        if (s == null) {
            loading.cancel();
            functions.clear();
            chosen.set(null);
            return;
        }
        fill(s);
        if (byScope.containsKey(s.scope().id())) {
            return;
        }
        loading.run(p -> rotations.functions(s.scope()), (List<RotationFunctionInfo> found) -> {
            byScope.put(s.scope().id(), List.copyOf(found));
            if (secret != null && secret.scope().equals(s.scope())) {
                RotationFunctionInfo was = chosen.get();
                fill(secret);
                if (was != null && functions.contains(was)) {
                    chosen.set(was);
                }
            }
        });
    }

    private void fill(SecretSummary s) {
        List<RotationFunctionInfo> list = new ArrayList<>(byScope.getOrDefault(s.scope().id(), List.of()));
        String arn = s.rotation().lambdaArn();
        RotationFunctionInfo own = list.stream().filter(f -> f.arn().equals(arn)).findFirst().orElse(null);
        if (arn != null && own == null) {
            own = new RotationFunctionInfo(s.scope(), arn.substring(arn.lastIndexOf(':') + 1), arn, null);
            list.add(0, own);
        }
        functions.setAll(list);
        chosen.set(own);
    }
}

package io.strongroom.ui.about;

import javafx.scene.image.Image;

import java.util.List;
import java.util.Objects;

/**
 * Strongroom's application icon (assets/icons, copied into the classes by the pom) at the sizes a
 * window manager picks from: {@code stage.getIcons().addAll(AppIcon.images())}.
 */
public final class AppIcon {

    static final List<Integer> WINDOW_SIZES = List.of(16, 32, 48, 64, 128, 256);

    private AppIcon() {}

    public static List<Image> images() {
        return WINDOW_SIZES.stream().map(AppIcon::image).toList();
    }

    /** The icon at one of the generated sizes (16, 32, 48, 64, 128, 256, 512). */
    public static Image image(int size) {
        String path = "/io/strongroom/icons/strongroom-" + size + ".png";
        return new Image(Objects.requireNonNull(AppIcon.class.getResource(path), path).toExternalForm());
    }
}

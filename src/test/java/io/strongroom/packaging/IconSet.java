package io.strongroom.packaging;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.transform.Scale;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code assets/icons/strongroom.svg} to the application's PNG sizes with JavaFX shapes
 * (on the FX thread: headless Monocle in tests) and writes the Windows {@code .ico} and macOS
 * {@code .icns} containers around those PNGs. The SVG is kept to what this renderer reads:
 * {@code rect} (with {@code rx}/{@code ry}), {@code circle} and {@code path} elements directly
 * in the root, with {@code fill}, {@code stroke}, {@code stroke-width} and
 * {@code stroke-linecap}; anything else is refused, so the SVG and the PNGs cannot drift apart
 * silently.
 */
public final class IconSet {

    /** The PNG files written next to the SVG ({@code strongroom-N.png}). */
    public static final List<Integer> PNG_SIZES = List.of(16, 32, 48, 64, 128, 256, 512);

    /** ICO entries: the Windows shell's sizes up to 256 (an ICO entry cannot be larger). */
    public static final List<Integer> ICO_SIZES = List.of(16, 32, 48, 64, 128, 256);

    /** ICNS entries (PNG-compressed types, macOS 10.7+): type to pixel size; @2x types reuse the larger PNG. */
    public static final Map<String, Integer> ICNS_TYPES = icnsTypes();

    private static Map<String, Integer> icnsTypes() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("icp4", 16);
        m.put("icp5", 32);
        m.put("icp6", 64);
        m.put("ic07", 128);
        m.put("ic08", 256);
        m.put("ic09", 512);
        m.put("ic10", 1024);   // 512@2x
        m.put("ic11", 32);     // 16@2x
        m.put("ic12", 64);     // 32@2x
        m.put("ic13", 256);    // 128@2x
        m.put("ic14", 512);    // 256@2x
        return m;
    }

    private IconSet() {}

    /** Sizes drawn from {@code strongroom-small.svg}, the simplified drawing that still reads at 16 pixels. */
    public static final java.util.Set<Integer> SMALL_SIZES = java.util.Set.of(16);

    /** The SVG a size is drawn from, in the directory of the two sources. */
    public static Path source(Path dir, int size) {
        return dir.resolve(SMALL_SIZES.contains(size) ? "strongroom-small.svg" : "strongroom.svg");
    }

    /**
     * Writes the PNGs, {@code strongroom.ico} and {@code strongroom.icns} into {@code out}, drawn
     * from the SVGs in {@code sources}; FX thread.
     */
    public static List<Path> writeAll(Path sources, Path out) throws Exception {
        Files.createDirectories(out);
        Map<Integer, byte[]> png = new LinkedHashMap<>();
        List<Integer> all = new ArrayList<>(PNG_SIZES);
        all.add(1024);
        for (int size : all) {
            png.put(size, png(render(source(sources, size), size)));
        }
        List<Path> written = new ArrayList<>();
        for (int size : PNG_SIZES) {
            written.add(Files.write(out.resolve("strongroom-" + size + ".png"), png.get(size)));
        }
        written.add(Files.write(out.resolve("strongroom.ico"), ico(png)));
        written.add(Files.write(out.resolve("strongroom.icns"), icns(png)));
        return written;
    }

    /** The SVG drawn at {@code size} x {@code size} pixels on a transparent background; FX thread. */
    public static BufferedImage render(Path svg, int size) throws Exception {
        Element root = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
        String[] box = root.getAttribute("viewBox").trim().split("[\\s,]+");
        if (box.length != 4 || Double.parseDouble(box[0]) != 0 || Double.parseDouble(box[1]) != 0) {
            throw new IllegalArgumentException("the icon SVG needs a viewBox of 0 0 W H");
        }
        double width = Double.parseDouble(box[2]);
        double height = Double.parseDouble(box[3]);
        Group group = new Group();
        Rectangle bounds = new Rectangle(0, 0, width, height);   // fixes the snapshot's extent at the viewBox
        bounds.setFill(Color.TRANSPARENT);
        group.getChildren().add(bounds);
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e) {
                group.getChildren().add(shape(e));
            }
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        params.setTransform(new Scale(size / width, size / height));
        return SwingFXUtils.fromFXImage(group.snapshot(params, null), null);
    }

    private static Node shape(Element e) {
        Shape s = switch (e.getTagName()) {
            case "rect" -> {
                Rectangle r = new Rectangle(num(e, "x"), num(e, "y"), num(e, "width"), num(e, "height"));
                r.setArcWidth(2 * num(e, "rx"));
                r.setArcHeight(2 * (e.hasAttribute("ry") ? num(e, "ry") : num(e, "rx")));
                yield r;
            }
            case "circle" -> new Circle(num(e, "cx"), num(e, "cy"), num(e, "r"));
            case "path" -> {
                SVGPath p = new SVGPath();
                p.setContent(e.getAttribute("d"));
                yield p;
            }
            default -> throw new IllegalArgumentException("the icon renderer does not draw <" + e.getTagName() + ">");
        };
        for (String attribute : List.of("transform", "style", "opacity", "fill-opacity", "stroke-opacity")) {
            if (e.hasAttribute(attribute)) {
                throw new IllegalArgumentException("the icon renderer does not read " + attribute + " on <" + e.getTagName() + ">");
            }
        }
        s.setFill(paint(e.hasAttribute("fill") ? e.getAttribute("fill") : "#000000"));
        s.setStroke(paint(e.hasAttribute("stroke") ? e.getAttribute("stroke") : "none"));
        s.setStrokeWidth(e.hasAttribute("stroke-width") ? num(e, "stroke-width") : 1);
        s.setStrokeLineCap(switch (e.getAttribute("stroke-linecap")) {
            case "round" -> StrokeLineCap.ROUND;
            case "square" -> StrokeLineCap.SQUARE;
            default -> StrokeLineCap.BUTT;
        });
        return s;
    }

    private static double num(Element e, String name) {
        String v = e.getAttribute(name);
        return v.isEmpty() ? 0 : Double.parseDouble(v);
    }

    private static Paint paint(String value) {
        return value.equals("none") ? null : Color.web(value);
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }

    /**
     * A Windows icon with PNG-compressed entries (Vista and later): ICONDIR (reserved 0, type 1,
     * count), one 16-byte ICONDIRENTRY per image (width and height with 0 meaning 256, no palette,
     * 1 plane, 32 bits, data length, data offset), then the PNG files; all little-endian.
     */
    static byte[] ico(Map<Integer, byte[]> png) {
        int offset = 6 + 16 * ICO_SIZES.size();
        int total = offset + ICO_SIZES.stream().mapToInt(s -> png.get(s).length).sum();
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) ICO_SIZES.size());
        for (int size : ICO_SIZES) {
            byte[] data = png.get(size);
            b.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)).put((byte) 0).put((byte) 0);
            b.putShort((short) 1).putShort((short) 32).putInt(data.length).putInt(offset);
            offset += data.length;
        }
        ICO_SIZES.forEach(s -> b.put(png.get(s)));
        return b.array();
    }

    /**
     * A macOS icon family: the magic {@code icns} and the file's length, then per image its
     * four-character type, its length including this 8-byte header, and a PNG; all big-endian.
     */
    static byte[] icns(Map<Integer, byte[]> png) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        for (Map.Entry<String, Integer> t : ICNS_TYPES.entrySet()) {
            byte[] data = png.get(t.getValue());
            d.write(t.getKey().getBytes(StandardCharsets.US_ASCII));
            d.writeInt(8 + data.length);
            d.write(data);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream f = new DataOutputStream(file);
        f.write("icns".getBytes(StandardCharsets.US_ASCII));
        f.writeInt(8 + body.size());
        body.writeTo(f);
        return file.toByteArray();
    }
}

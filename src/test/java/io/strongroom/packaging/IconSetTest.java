package io.strongroom.packaging;

import io.strongroom.ui.editor.Snapshots;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application icon set: the committed PNG/ICO/ICNS files in {@code assets/icons} are what
 * {@link IconSet} renders from the committed SVG, and the containers hold decodable PNGs of the
 * sizes they declare. {@code -Dstrongroom.icons=assets/icons} rewrites the committed files
 * (by default the fresh set goes to {@code target/icons}).
 */
class IconSetTest {

    static final Path ASSETS = Path.of("assets/icons");
    static final Path OUT = Path.of(System.getProperty("strongroom.icons", "target/icons"));

    @BeforeAll
    static void fx() throws Exception {
        Snapshots.startFx();
    }

    @Test
    void rendersTheSvgAndWritesTheSet() throws Exception {
        List<Path> written = Snapshots.onFx(() -> IconSet.writeAll(ASSETS, OUT));
        assertEquals(IconSet.PNG_SIZES.size() + 2, written.size());
        for (int size : IconSet.PNG_SIZES) {
            BufferedImage image = ImageIO.read(OUT.resolve("strongroom-" + size + ".png").toFile());
            assertEquals(size, image.getWidth());
            assertEquals(size, image.getHeight());
        }
        assertEquals(IconSet.ICO_SIZES, icoSizes(Files.readAllBytes(OUT.resolve("strongroom.ico"))));
        assertEquals(expectedIcns(), icnsSizes(Files.readAllBytes(OUT.resolve("strongroom.icns"))));
    }

    @Test
    void committedPngsAreTheSvgRendered() throws Exception {
        for (int size : IconSet.PNG_SIZES) {
            BufferedImage committed = ImageIO.read(ASSETS.resolve("strongroom-" + size + ".png").toFile());
            BufferedImage fresh = Snapshots.onFx(() -> IconSet.render(IconSet.source(ASSETS, size), size));
            assertEquals(size, committed.getWidth(), "strongroom-" + size + ".png");
            assertEquals(size, committed.getHeight(), "strongroom-" + size + ".png");
            // anti-aliasing may differ by a shade between machines; a changed drawing differs by far more
            assertTrue(meanDifference(committed, fresh) < 2.0,
                    "assets/icons/strongroom-" + size + ".png is not the SVG rendered: regenerate with -Dstrongroom.icons=assets/icons");
        }
    }

    @Test
    void smallestIconStillShowsTheDoorOnTheBody() throws Exception {
        BufferedImage i16 = ImageIO.read(ASSETS.resolve("strongroom-16.png").toFile());
        // corners transparent (rounded body), the door's light ring visible, the hub dark
        assertTrue(alpha(i16.getRGB(0, 0)) < 64, "corner is transparent");
        assertTrue(luminance(i16.getRGB(5, 8)) < 110, "the wheel left of the hub is dark");
        int light = 0;
        for (int x = 2; x < 14; x++) {
            if (luminance(i16.getRGB(x, 3)) > 150 || luminance(i16.getRGB(x, 12)) > 150) {
                light++;
            }
        }
        assertTrue(light >= 4, "the door's ring shows at 16 px (" + light + " light pixels)");
    }

    @Test
    void committedContainersHoldTheCommittedPngs() throws Exception {
        byte[] ico = Files.readAllBytes(ASSETS.resolve("strongroom.ico"));
        assertEquals(IconSet.ICO_SIZES, icoSizes(ico));
        Map<Integer, byte[]> icoImages = icoImages(ico);
        for (int size : IconSet.ICO_SIZES) {
            assertArrayEquals(Files.readAllBytes(ASSETS.resolve("strongroom-" + size + ".png")), icoImages.get(size), "ICO entry " + size);
        }
        assertEquals(expectedIcns(), icnsSizes(Files.readAllBytes(ASSETS.resolve("strongroom.icns"))));
    }

    static Map<String, Integer> expectedIcns() {
        return IconSet.ICNS_TYPES;
    }

    static List<Integer> icoSizes(byte[] ico) throws IOException {
        return new ArrayList<>(icoImages(ico).keySet());
    }

    /** Reads an ICO as the Windows shell does: header, entries, and each entry's PNG decoded to its declared size. */
    static Map<Integer, byte[]> icoImages(byte[] ico) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, b.getShort());
        assertEquals(1, b.getShort(), "type 1: icon");
        int count = b.getShort();
        Map<Integer, byte[]> images = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int w = Byte.toUnsignedInt(b.get(6 + 16 * i));
            int h = Byte.toUnsignedInt(b.get(7 + 16 * i));
            int length = b.getInt(14 + 16 * i);
            int offset = b.getInt(18 + 16 * i);
            byte[] data = java.util.Arrays.copyOfRange(ico, offset, offset + length);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
            int size = w == 0 ? 256 : w;
            assertEquals(size, h == 0 ? 256 : h);
            assertEquals(size, image.getWidth());
            images.put(size, data);
        }
        return images;
    }

    /** Reads an ICNS: the magic, the total length, then typed entries each holding a PNG of the type's size. */
    static Map<String, Integer> icnsSizes(byte[] icns) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(icns);
        byte[] magic = new byte[4];
        b.get(magic);
        assertEquals("icns", new String(magic, StandardCharsets.US_ASCII));
        assertEquals(icns.length, b.getInt());
        Map<String, Integer> types = new LinkedHashMap<>();
        while (b.hasRemaining()) {
            byte[] type = new byte[4];
            b.get(type);
            int length = b.getInt();
            byte[] data = new byte[length - 8];
            b.get(data);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
            assertEquals(image.getWidth(), image.getHeight());
            types.put(new String(type, StandardCharsets.US_ASCII), image.getWidth());
        }
        return types;
    }

    static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    sum += Math.abs(((p >>> shift) & 0xff) - ((q >>> shift) & 0xff));
                }
            }
        }
        return sum / (4.0 * a.getWidth() * a.getHeight());
    }

    static int alpha(int argb) {
        return argb >>> 24;
    }

    static double luminance(int argb) {
        return 0.2126 * ((argb >> 16) & 0xff) + 0.7152 * ((argb >> 8) & 0xff) + 0.0722 * (argb & 0xff);
    }
}

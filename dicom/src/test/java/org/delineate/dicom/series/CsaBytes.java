package org.delineate.dicom.series;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Siemens CSA headers built in code, in the SV10 layout or the older one (see {@link CsaHeader}). */
final class CsaBytes {

    private CsaBytes() {
    }

    static byte[] header(boolean sv10, Map<String, List<String>> elements) {
        ByteBuffer out = ByteBuffer.allocate(65536).order(ByteOrder.LITTLE_ENDIAN);
        if (sv10) {
            out.put("SV10".getBytes(StandardCharsets.US_ASCII)).put(new byte[] {4, 3, 2, 1});
        }
        int count = elements.size();
        out.putInt(count).putInt(77);
        for (Map.Entry<String, List<String>> e : new TreeMap<>(elements).entrySet()) {
            byte[] name = new byte[64];
            byte[] text = e.getKey().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, name, 0, text.length);
            out.put(name).putInt(e.getValue().size()).put("DS\0\0".getBytes(StandardCharsets.US_ASCII)).putInt(3)
                    .putInt(e.getValue().size()).putInt(77);
            for (String value : e.getValue()) {
                byte[] bytes = (value + "\0").getBytes(StandardCharsets.US_ASCII);
                int length = bytes.length;
                out.putInt(sv10 ? length : length + count).putInt(length).putInt(77).putInt(length);
                out.put(bytes);
                out.put(new byte[((length + 3) & ~3) - length]);
            }
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }
}

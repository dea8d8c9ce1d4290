package org.delineate.privacy.pseudonym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.delineate.dicom.Peers;
import org.delineate.dicom.data.Uids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyedPseudonymsTest {

    private static final List<String> INPUTS = List.of("", "1.2.840.113619.2.55.3.604688119.969.1268071029.320",
            "12345", "PID-0001", "Müller", "山田", "a\u0000b", "1.2.3");
    private static final List<String> NAMES = List.of("Doe^John", "  doe ^ john  ^^", "DOE^JOHN^^^",
            "Doe^John=山田^太郎=やまだ^たろう", "=山田^太郎", "Doe^Jöhn  Paul", "", "^^", "o'brien^mary^^dr");

    @TempDir
    Path tmp;

    @Test
    void sameKeySameOutputsInNewInstances() throws IOException {
        Path file = tmp.resolve("key");
        KeyedPseudonyms a = KeyedPseudonyms.of(KeyFile.loadOrCreate(file));
        KeyedPseudonyms b = KeyedPseudonyms.of(KeyFile.load(file));
        for (String s : INPUTS) {
            assertEquals(a.uid(s), b.uid(s));
            assertEquals(a.patientId(s), b.patientId(s));
            assertEquals(a.patientName(s, s), b.patientName(s, s));
            assertEquals(a.dateShiftDays(s), b.dateShiftDays(s));
        }
    }

    @Test
    void differentKeysDifferentOutputs() throws IOException {
        KeyedPseudonyms a = KeyedPseudonyms.of(KeyFile.loadOrCreate(tmp.resolve("a")));
        KeyedPseudonyms b = KeyedPseudonyms.of(KeyFile.loadOrCreate(tmp.resolve("b")));
        int sameShift = 0;
        for (String s : INPUTS) {
            assertNotEquals(a.uid(s), b.uid(s));
            if (!s.isEmpty()) {
                assertNotEquals(a.patientId(s), b.patientId(s));
                assertNotEquals(a.patientName(s, ""), b.patientName(s, ""));
            }
            sameShift += a.dateShiftDays(s) == b.dateShiftDays(s) ? 1 : 0;
        }
        // 3286 possible shifts: all 8 equal by chance has probability ~1e-28.
        assertTrue(sameShift < INPUTS.size(), "date shifts do not depend on the key");
    }

    @Test
    void kindsAreSeparated() {
        KeyedPseudonyms p = KeyedPseudonyms.of(KeyFile.ofBytes(new byte[32]));
        String id = p.patientId("12345").substring(KeyedPseudonyms.PATIENT_ID_PREFIX.length());
        String name = p.patientName("12345", "").substring(KeyedPseudonyms.PATIENT_NAME_PREFIX.length());
        assertFalse(id.endsWith(name), "ID and name pseudonyms of the same text share digits");
        assertFalse(p.uid("12345").contains(id.substring(0, 8)));
    }

    @Test
    void uidsAreValid2_25Uids() {
        KeyedPseudonyms p = KeyedPseudonyms.of(KeyFile.ofBytes(filled(7)));
        Set<String> seen = new HashSet<>();
        BigInteger limit = BigInteger.TWO.pow(128);
        for (int i = 0; i < 10_000; i++) {
            String uid = p.uid("1.2.3.4." + i);
            assertTrue(uid.matches("2\\.25\\.(0|[1-9][0-9]{0,38})"), uid);
            assertTrue(uid.length() <= 64 && Uids.isValid(uid), uid);
            BigInteger value = new BigInteger(uid.substring(5));
            assertTrue(value.compareTo(limit) < 0, uid);
            java.util.UUID uuid = new java.util.UUID(value.shiftRight(64).longValue(), value.longValue());
            assertEquals(8, uuid.version(), uid);
            assertEquals(2, uuid.variant(), uid);
            seen.add(uid);
        }
        assertEquals(10_000, seen.size(), "UID collisions");
    }

    @Test
    void idsAndNamesAreValidValues() {
        KeyedPseudonyms p = KeyedPseudonyms.of(KeyFile.ofBytes(filled(9)));
        for (String s : INPUTS) {
            String id = p.patientId(s);
            assertTrue(s.isEmpty() ? id.isEmpty() : id.matches("PAT[0-9]{16}"), id);
            assertTrue(id.length() <= 64 && ValueChecks.lo(id) == null);
        }
        for (String name : NAMES) {
            String pn = p.patientName(name, "");
            boolean empty = PatientNames.normalize(name).isEmpty();
            assertTrue(empty ? pn.isEmpty() : pn.matches("PSEUDO\\^[0-9]{12}"), pn);
            assertEquals(null, ValueChecks.pn(pn));
        }
    }

    @Test
    void spellingsOfOneNameAgree() {
        KeyedPseudonyms p = KeyedPseudonyms.of(KeyFile.ofBytes(filled(3)));
        String expected = p.patientName("DOE^JOHN", "");
        for (String name : List.of("Doe^John", "  doe ^ john  ^^", "DOE^JOHN^^^", "Doe^John=山田^太郎=やまだ^たろう",
                "doe^john=", "DOE\t^JOHN")) {
            assertEquals(expected, p.patientName(name, "x"), name);
        }
        assertNotEquals(expected, p.patientName("DOE^JOHNNY", ""));
        assertNotEquals(expected, p.patientName("DOE^^JOHN", ""));
        assertEquals(p.patientName("山田^太郎", ""), p.patientName("=山田^太郎=やまだ^たろう", ""));
    }

    @Test
    void dateShiftsAreUniformWithinTheRangeAndNeverZero() {
        DateShiftRange range = new DateShiftRange(-10, 9);
        KeyedPseudonyms p = KeyedPseudonyms.of(KeyFile.ofBytes(filled(5)), range);
        int[] counts = new int[20];
        for (int i = 0; i < 10_000; i++) {
            int shift = p.dateShiftDays("patient-" + i);
            assertTrue(shift >= -10 && shift <= 9 && shift != 0, "shift " + shift);
            counts[shift + 10]++;
        }
        assertEquals(0, counts[10]);
        // 19 choices, 10000 draws: expected 526 each, sd ~22.4; 5 sd either way.
        for (int d = -10; d <= 9; d++) {
            if (d != 0) {
                assertTrue(Math.abs(counts[d + 10] - 10_000.0 / 19) < 5 * 22.4, "count of " + d + ": " + counts[d + 10]);
            }
        }
        double chiSquare = 0;
        for (int d = -10; d <= 9; d++) {
            if (d != 0) {
                double e = 10_000.0 / 19;
                chiSquare += (counts[d + 10] - e) * (counts[d + 10] - e) / e;
            }
        }
        // 18 degrees of freedom: P(chi2 > 42.3) = 0.001.
        assertTrue(chiSquare < 42.3, "chi square " + chiSquare);
    }

    @Test
    void defaultRangeAndDegenerateRanges() {
        KeyedPseudonyms p = KeyedPseudonyms.of(KeyFile.ofBytes(filled(1)));
        IntStream.range(0, 2000).forEach(i -> {
            int s = p.dateShiftDays("p" + i);
            assertTrue(s >= -3650 && s <= -365, "shift " + s);
        });
        assertEquals(0, KeyedPseudonyms.of(KeyFile.ofBytes(filled(1)), new DateShiftRange(0, 0)).dateShiftDays("x"));
        assertEquals(1, KeyedPseudonyms.of(KeyFile.ofBytes(filled(1)), new DateShiftRange(0, 1)).dateShiftDays("x"));
        assertEquals(-7, KeyedPseudonyms.of(KeyFile.ofBytes(filled(1)), new DateShiftRange(-7, -7)).dateShiftDays("x"));
    }

    @Test
    void threadSafe() throws Exception {
        KeyedPseudonyms p = KeyedPseudonyms.of(KeyFile.ofBytes(filled(2)));
        ConcurrentHashMap<String, String> results = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 2000; i++) {
                    String r = p.uid("u" + i) + p.patientId("i" + i) + p.dateShiftDays("i" + i);
                    String earlier = results.putIfAbsent("k" + i, r);
                    if (earlier != null && !earlier.equals(r)) {
                        results.put("mismatch", "k" + i);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertFalse(results.containsKey("mismatch"));
        assertEquals(2000, results.size());
    }

    /** Python's hmac and hashlib implement docs/deid-pseudonyms.md independently of this code. */
    @Test
    void agreesWithPythonOracleOfTheDocumentedDerivation() throws IOException {
        Peers.assumeInstalled(Peers.PYTHON);
        Path keyFile = tmp.resolve("oracle.key");
        KeyFile key = KeyFile.loadOrCreate(keyFile);
        Path inputs = tmp.resolve("inputs.txt");
        List<String> lines = new ArrayList<>();
        INPUTS.forEach(s -> lines.add("v\t" + s.replace("\u0000", "\\0")));
        NAMES.forEach(s -> lines.add("n\t" + s));
        Files.write(inputs, lines, StandardCharsets.UTF_8);
        String program = String.join("\n",
                "import base64, hashlib, hmac, re, sys, unicodedata",
                "lines = open(sys.argv[1], 'rb').read().decode('ascii').split('\\n')",
                "assert lines[0] == 'delineate-pseudonym-key v1'",
                "key = base64.b64decode(lines[1], validate=True)",
                "def h(label, x):",
                "    return hmac.new(key, label.encode('ascii') + b'\\0' + x.encode('utf-8'), hashlib.sha256).digest()",
                "def u64(d): return int.from_bytes(d[:8], 'big')",
                "def shift(x, lo, hi):",
                "    n = hi - lo + 1",
                "    skip = lo <= 0 <= hi and not (lo == 0 and hi == 0)",
                "    if skip: n -= 1",
                "    v = lo + u64(h('delineate/date-shift/v1', x)) % n",
                "    return v + 1 if skip and v >= 0 else v",
                "def norm(pn):",
                "    for g in pn.split('='):",
                "        cs = [re.sub(r'\\s+', ' ', c).strip(' ') for c in unicodedata.normalize('NFC', g).upper().split('^')]",
                "        while cs and cs[-1] == '': cs.pop()",
                "        if cs: return '^'.join(cs)",
                "    return ''",
                "for line in open(sys.argv[2], encoding='utf-8').read().split('\\n'):",
                "    if not line: continue",
                "    kind, x = line.split('\\t', 1)",
                "    x = x.replace('\\\\0', '\\0')",
                "    if kind == 'v':",
                "        u = bytearray(h('delineate/uid/v1', x)[:16])",
                "        u[6] = (u[6] & 0x0F) | 0x80; u[8] = (u[8] & 0x3F) | 0x80",
                "        uid = '2.25.' + str(int.from_bytes(bytes(u), 'big'))",
                "        pid = 'PAT%016d' % (u64(h('delineate/patient-id/v1', x)) % 10**16) if x else ''",
                "        print('\\t'.join([uid, pid, str(shift(x, -3650, -365)), str(shift(x, -5, 5))]))",
                "    else:",
                "        n = norm(x)",
                "        print('PSEUDO^%012d' % (u64(h('delineate/patient-name/v1', n)) % 10**12) if n else '')");
        Peers.Result r = Peers.runPython(program, List.of(keyFile, inputs), 60);
        assertEquals(0, r.exitCode(), r.stderr());
        String[] out = r.stdout().split("\n", -1);
        KeyedPseudonyms p = KeyedPseudonyms.of(key);
        KeyedPseudonyms small = KeyedPseudonyms.of(key, new DateShiftRange(-5, 5));
        int line = 0;
        for (String s : INPUTS) {
            String[] expected = out[line++].split("\t", -1);
            assertEquals(expected[0], p.uid(s), "uid");
            assertEquals(expected[1], p.patientId(s), "patient id");
            assertEquals(Integer.parseInt(expected[2]), p.dateShiftDays(s), "shift");
            assertEquals(Integer.parseInt(expected[3]), small.dateShiftDays(s), "shift -5..5");
        }
        for (String name : NAMES) {
            assertEquals(out[line++], p.patientName(name, "whatever"), "name");
        }
    }

    @Test
    void toStringHoldsNoKey() throws IOException {
        Path file = tmp.resolve("k");
        KeyFile key = KeyFile.loadOrCreate(file);
        String encoded = Files.readAllLines(file).get(1);
        KeyedPseudonyms p = KeyedPseudonyms.of(key);
        for (String text : List.of(key.toString(), p.toString(), LookupTableTest.table(tmp, "PatientID,NewPatientID\n1,A\n")
                .over(p, true).toString())) {
            assertFalse(text.contains(encoded) || text.contains(encoded.substring(0, 12)), text);
        }
    }

    static byte[] filled(int value) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) value);
        key[0] = (byte) (value * 31 + 1);
        return key;
    }
}

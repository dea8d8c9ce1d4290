package org.delineate.privacy.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.delineate.dicom.Peers;
import org.junit.jupiter.api.Test;

/** The CID 7050 codes and meanings against pydicom's copy of PS3.16. */
class ProfileOptionCodesTest {

    @Test
    void codesAndMeaningsAreThoseOfCid7050() throws IOException {
        Peers.assumePydicom();
        String program = String.join("\n",
                "from pydicom.sr._concepts_dict import concepts",
                "for keyword, codes in concepts['DCM'].items():",
                "    for value, (meaning, cids) in codes.items():",
                "        if 7050 in cids:",
                "            print(value + '|' + meaning)");
        Peers.Result result = Peers.runPythonWithArguments(program, List.of(), 60);
        assertEquals(0, result.exitCode(), result.stderr());
        StringBuilder expected = new StringBuilder();
        expected.append(ProfileOption.BASIC_PROFILE_CODE).append('|').append(ProfileOption.BASIC_PROFILE_MEANING)
                .append('\n');
        for (ProfileOption option : ProfileOption.values()) {
            expected.append(option.codeValue()).append('|').append(option.codeMeaning()).append('\n');
        }
        assertEquals(sorted(expected.toString()), sorted(result.stdout()));
    }

    private static String sorted(String lines) {
        return String.join("\n", lines.lines().sorted().toList());
    }
}

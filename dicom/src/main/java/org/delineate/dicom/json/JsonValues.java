package org.delineate.dicom.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * JSON values as plain Java values, read from a Jackson parser: objects are insertion-ordered
 * {@code Map<String, Object>}, arrays {@code List<Object>}, integers {@code Long} or {@code BigInteger},
 * decimals {@code Double} or (exactly) {@code BigDecimal}, then {@code String}, {@code Boolean} and null.
 * Stateless.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * The value at the parser's current token (which must have been read), consuming it.
     *
     * @param exactDecimals true for {@code BigDecimal} decimals, false for {@code Double}
     */
    public static Object read(JsonParser parser, boolean exactDecimals) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, read(parser, exactDecimals));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(parser, exactDecimals));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getBigIntegerValue()
                        : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return exactDecimals ? parser.getDecimalValue() : (Object) parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected JSON token " + token);
        }
    }
}

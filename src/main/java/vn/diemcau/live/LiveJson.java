package vn.diemcau.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Server messages as wire text; stream events get their {@code seq} in front. */
final class LiveJson {
    private LiveJson() {}

    static String text(ObjectMapper json, ServerMessage m) {
        try {
            return json.writerFor(ServerMessage.class).writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + m.getClass().getSimpleName(), e);
        }
    }

    static String text(ObjectMapper json, long seq, ServerMessage m) {
        return "{\"seq\":" + seq + "," + text(json, m).substring(1);
    }
}

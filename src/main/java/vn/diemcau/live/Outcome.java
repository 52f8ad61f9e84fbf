package vn.diemcau.live;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.diemcau.common.Messages;
import vn.diemcau.common.ProblemException;

/** How a command ended: applied ({@code code} null) or refused with a problem code; stored, then localized per reader. */
record Outcome(String code, int status, List<String> args) {
    static final Outcome OK = new Outcome(null, 200, List.of());

    static Outcome of(ProblemException p) {
        return new Outcome(
                p.code(),
                p.status(),
                Arrays.stream(p.args()).map(String::valueOf).toList());
    }

    boolean ok() {
        return code == null;
    }

    ServerMessage answer(String commandId, Locale locale) {
        return ok()
                ? new ServerMessage.Ack(commandId, true)
                : new ServerMessage.Rejected(commandId, code, status, Messages.text(locale, code, args.toArray()));
    }
}

package vn.diemcau.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import vn.diemcau.common.ProblemException;
import vn.diemcau.security.CurrentUser;

/**
 * Applies each command once. The change and the record of its command id commit together, so a
 * resend (after a lost ack, from an offline queue, twice at once) finds the record and gets the
 * same answer without changing anything again. Refusals are recorded too: the same command gets
 * the same answer.
 */
@ApplicationScoped
class LiveCommands {
    static final int MAX_ID = 100;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    Outcome run(long sessionId, ClientMessage.Command command, Runnable action) {
        String id = command.commandId();
        if (id == null || id.isBlank() || id.length() > MAX_ID)
            return Outcome.of(ProblemException.badRequest("live.command-id-required", MAX_ID));
        String type = type(command);
        Outcome earlier = stored(sessionId, id, type);
        if (earlier != null) return earlier;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                action.run();
                record(sessionId, id, type, Outcome.OK);
            });
            return Outcome.OK;
        } catch (ProblemException p) {
            Outcome refused = Outcome.of(p);
            try {
                QuarkusTransaction.requiringNew().run(() -> record(sessionId, id, type, refused));
                return refused;
            } catch (RuntimeException raced) {
                return storedOr(sessionId, id, type, raced);
            }
        } catch (RuntimeException e) {
            // The same id committed by a concurrent resend: the unique key refused ours.
            return storedOr(sessionId, id, type, e);
        }
    }

    private Outcome storedOr(long sessionId, String id, String type, RuntimeException e) {
        Outcome earlier = stored(sessionId, id, type);
        if (earlier == null) throw e;
        return earlier;
    }

    private Outcome stored(long sessionId, String id, String type) {
        LiveCommand c = QuarkusTransaction.requiringNew()
                .call(() -> LiveCommand.<LiveCommand>find("sessionId = ?1 and commandId = ?2", sessionId, id)
                        .firstResult());
        if (c == null) return null;
        if (!c.type.equals(type)) return Outcome.of(ProblemException.conflict("live.command-id-reused", id, c.type));
        try {
            return json.readValue(c.result, Outcome.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable live_commands.result " + c.id, e);
        }
    }

    private void record(long sessionId, String id, String type, Outcome o) {
        LiveCommand c = new LiveCommand();
        c.sessionId = sessionId;
        c.commandId = id;
        c.type = type;
        c.actor = user.name();
        c.createdAt = Instant.now(clock);
        try {
            c.result = json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        c.persistAndFlush();
    }

    static String type(ClientMessage m) {
        var name = m.getClass().getAnnotation(com.fasterxml.jackson.annotation.JsonTypeName.class);
        return name == null ? m.getClass().getSimpleName() : name.value();
    }
}

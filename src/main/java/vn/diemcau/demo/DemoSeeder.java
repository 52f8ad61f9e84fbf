package vn.diemcau.demo;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.diemcau.agenda.AgendaItemRequest;
import vn.diemcau.agenda.AgendaService;
import vn.diemcau.common.ClockProducer;
import vn.diemcau.common.Messages;
import vn.diemcau.common.Spreadsheet;
import vn.diemcau.point.PointRequest;
import vn.diemcau.point.PointService;
import vn.diemcau.roster.DelegateImport;
import vn.diemcau.security.Roles;
import vn.diemcau.session.Session;
import vn.diemcau.session.SessionKind;
import vn.diemcau.session.SessionRequest;
import vn.diemcau.session.SessionService;
import vn.diemcau.session.SessionStatus;
import vn.diemcau.unit.UnitImporter;
import vn.diemcau.unit.UnitLevel;
import vn.diemcau.unit.UnitService;
import vn.diemcau.unit.UnitView;

/**
 * The quick start's demo (see src/main/resources/demo/demo.md): a provincial training conference
 * with its units, main hall, one point per district, roster and agenda — built through the same
 * services a user goes through, so the demo exercises the real rules. Runs once per database.
 */
@ApplicationScoped
public class DemoSeeder {
    static final String TITLE = "Hội nghị tập huấn công tác bảo vệ chính trị nội bộ năm 2026";
    static final String MAIN_HALL = "Hội trường Tỉnh ủy";
    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);

    @ConfigProperty(name = "diemcau.demo.seed")
    boolean enabled;

    /** The demo users' domain as the OIDC provider spells usernames ("operator@example.com" in dev). */
    @ConfigProperty(name = "diemcau.demo.username-domain")
    Optional<String> usernameDomain;

    @Inject
    UnitImporter unitImporter;

    @Inject
    UnitService units;

    @Inject
    SessionService sessions;

    @Inject
    PointService points;

    @Inject
    DelegateImport roster;

    @Inject
    AgendaService agenda;

    void onStart(@Observes StartupEvent ev) {
        if (!enabled) return;
        try {
            seed();
        } catch (RuntimeException e) {
            // A broken demo must not keep the platform from starting.
            LOG.error("Could not seed the demo session", e);
        }
    }

    @ActivateRequestContext
    void seed() {
        if (Session.count("title", TITLE) > 0) return;
        Arc.container()
                .instance(CurrentIdentityAssociation.class)
                .get()
                .setIdentity(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal("demo-seed"))
                        .addRole(Roles.ORGANIZER)
                        .build());

        unitImporter.importFile("units.csv", resource("units.csv"), Messages.VI);
        UnitView province = unit("Tỉnh Quảng Trị", UnitLevel.PROVINCE);
        UnitView host = unit("Ban Tổ chức Tỉnh ủy", UnitLevel.AGENCY);

        LocalDate day = LocalDate.now(ClockProducer.ZONE).plusDays(7);
        OffsetDateTime start =
                day.atTime(LocalTime.of(8, 0)).atZone(ClockProducer.ZONE).toOffsetDateTime();
        long sessionId = sessions.create(new SessionRequest(
                        TITLE,
                        SessionKind.TRAINING,
                        "Quán triệt Quy định số 126-QĐ/TW của Bộ Chính trị và Hướng dẫn số 19-HD/BTCTW"
                                + " của Ban Tổ chức Trung ương về công tác bảo vệ chính trị nội bộ Đảng.",
                        host.id(),
                        "Hội trường Tỉnh ủy Quảng Trị",
                        start,
                        start.plusMinutes(210),
                        "https://hop.quangtri.example/phong/bvctnb-2026",
                        null))
                .id();

        points.create(sessionId, new PointRequest(MAIN_HALL, province.id(), true, 40, List.of(), 0, null));
        Map<String, String> operators = new LinkedHashMap<>();
        operators.put("Huyện Gio Linh", username("operator"));
        operators.put("Huyện Cam Lộ", username("operator2"));
        int order = 1;
        for (UnitView d : units.list(UnitLevel.DISTRICT, province.id(), null, false)) {
            String op = operators.get(d.name());
            points.create(
                    sessionId,
                    new PointRequest(
                            "Điểm cầu " + d.name(),
                            d.id(),
                            false,
                            d.name().endsWith("Cồn Cỏ") ? 5 : 12,
                            op == null ? List.of() : List.of(op),
                            order++,
                            null));
        }

        roster.importFile(sessionId, "roster.csv", resource("roster.csv"), false, Messages.VI);

        Spreadsheet.Table items = Spreadsheet.read(
                "agenda.csv",
                resource("agenda.csv"),
                Map.of(
                        "title", List.of("Nội dung"),
                        "presenter", List.of("Người trình bày"),
                        "minutes", List.of("Thời lượng (phút)")),
                Set.of("title", "minutes"));
        for (Spreadsheet.Line line : items.lines()) {
            agenda.create(
                    sessionId,
                    new AgendaItemRequest(
                            line.get("title"),
                            line.get("presenter"),
                            null,
                            Integer.valueOf(line.get("minutes")),
                            null,
                            null));
        }
        sessions.transition(sessionId, SessionStatus.DRAFT, SessionStatus.SCHEDULED, null);
        LOG.infof("Demo session %d seeded: \"%s\"", sessionId, TITLE);
    }

    private UnitView unit(String name, UnitLevel level) {
        return units.list(level, null, name, false).stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("demo units.csv lacks " + name));
    }

    private String username(String user) {
        return usernameDomain.map(d -> user + "@" + d).orElse(user);
    }

    private static Path resource(String name) {
        try (InputStream in = DemoSeeder.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) throw new IllegalStateException("missing demo file " + name);
            Path tmp = Files.createTempFile("diemcau-demo-", "-" + name);
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            tmp.toFile().deleteOnExit();
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package vn.diemcau;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.diemcau.session.Session;
import vn.diemcau.session.SessionService;

/** The package-by-feature rules of STYLE.md, checked on the production classes. */
class ArchitectureTest {
    private static final String ROOT = "vn.diemcau";
    private static final String[] SHARED = {"vn.diemcau.common..", "vn.diemcau.security.."};

    static {
        // The rules look at our classes and their direct references; importing the whole
        // transitive class path (Hibernate, Vert.x, POI...) would only make the test slow.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    }

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    static final ArchRule FEATURES_FREE_OF_CYCLES = slices().matching("vn.diemcau.(*)..")
            .namingSlices("feature $1")
            .should()
            .beFreeOfCycles();

    static final ArchRule ONLY_LIVE_KNOWS_LIVE = noClasses()
            .that()
            .resideOutsideOfPackage("vn.diemcau.live..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("vn.diemcau.live..")
            .allowEmptyShould(true)
            .because("the live hub listens to the features' events; the features do not know it");

    static final ArchRule SHARED_CODE_KNOWS_NO_FEATURE = classes()
            .that()
            .resideInAnyPackage(SHARED)
            .should()
            .onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..").or(resideInAnyPackage(SHARED)))
            .because("features build on common and security, never the other way round"
                    + " (security reaches features through interfaces such as OperatorAssignments)");

    private static final DescribedPredicate<JavaClass> RESOURCES = describe(
            "REST resources",
            c -> c.isAnnotatedWith(Path.class) || c.getSimpleName().endsWith("Resource"));

    static final ArchRule RESOURCES_LEAVE_OTHER_FEATURES_ENTITIES_ALONE = classes()
            .that(RESOURCES)
            .should(touchNoEntityOfAnotherFeature())
            .because("a feature reaches another feature through its service only");

    static final ArchRule RESOURCES_RETURN_NO_ENTITIES = methods()
            .that()
            .arePublic()
            .and()
            .areDeclaredInClassesThat(RESOURCES)
            .should(returnNoEntity())
            .because("the wire carries XxxView records, never entities");

    @Test
    void featuresAreFreeOfCycles() {
        FEATURES_FREE_OF_CYCLES.check(MAIN);
    }

    @Test
    void onlyTheLiveHubDependsOnTheLiveHub() {
        ONLY_LIVE_KNOWS_LIVE.check(MAIN);
    }

    @Test
    void commonAndSecurityDependOnNoFeature() {
        SHARED_CODE_KNOWS_NO_FEATURE.check(MAIN);
    }

    @Test
    void resourcesDoNotTouchEntitiesOfOtherFeatures() {
        RESOURCES_LEAVE_OTHER_FEATURES_ENTITIES_ALONE.check(MAIN);
    }

    @Test
    void resourcesReturnNoEntities() {
        RESOURCES_RETURN_NO_ENTITIES.check(MAIN);
    }

    /** The two hand-written conditions really catch what they are for (ArchUnit's own rules are trusted). */
    @Test
    void theHandWrittenConditionsCatchALeakyResource() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyResource.class, Session.class);
        AssertionError touched =
                assertThrows(AssertionError.class, () -> RESOURCES_LEAVE_OTHER_FEATURES_ENTITIES_ALONE.check(leaky));
        AssertionError returned = assertThrows(AssertionError.class, () -> RESOURCES_RETURN_NO_ENTITIES.check(leaky));
        assertEquals(2, violations(returned), returned.getMessage());
        assertEquals(true, touched.getMessage().contains(Session.class.getName()), touched.getMessage());
        // A resource that goes through the service and hands out views passes both.
        JavaClasses clean = new ClassFileImporter().importClasses(CleanResource.class, Session.class);
        RESOURCES_LEAVE_OTHER_FEATURES_ENTITIES_ALONE.check(clean);
        RESOURCES_RETURN_NO_ENTITIES.check(clean);
    }

    private static ArchCondition<JavaClass> touchNoEntityOfAnotherFeature() {
        return new ArchCondition<>("touch no entity of another feature") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                for (Dependency d : resource.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    if (target.isAnnotatedWith(Entity.class) && !feature(target).equals(feature(resource))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaMethod> returnNoEntity() {
        return new ArchCondition<>("return no entity (not even inside a generic type)") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaClass type : method.getReturnType().getAllInvolvedRawTypes()) {
                    if (type.getBaseComponentType().isAnnotatedWith(Entity.class)) {
                        events.add(SimpleConditionEvent.violated(
                                method, method.getFullName() + " returns entity " + type.getName()));
                    }
                }
            }
        };
    }

    /** "vn.diemcau.agenda.AgendaItem" → "agenda"; classes directly in vn.diemcau belong to no feature. */
    private static String feature(JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith(ROOT + ".")) return "";
        String rest = p.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static long violations(AssertionError e) {
        return e.getMessage()
                .lines()
                .filter(l -> l.contains(" returns entity "))
                .count();
    }

    @Path("/leaky")
    static class LeakyResource {
        @GET
        public Session one() {
            return null;
        }

        public List<Session> many() {
            return List.of();
        }
    }

    @Path("/clean")
    static class CleanResource {
        SessionService sessions;

        @GET
        public String title() {
            return sessions == null ? null : "view";
        }
    }
}

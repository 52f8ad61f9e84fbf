package vn.diemcau.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import vn.diemcau.audit.AuditService;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.Text;

@ApplicationScoped
public class UnitService {
    @Inject
    Clock clock;

    @Inject
    AuditService audit;

    @Inject
    Instance<UnitUsage> usages;

    /**
     * Units sorted by path. {@code parentId} keeps the direct children of that unit; {@code q}
     * matches names ignoring case and diacritics ("gio linh" finds "Huyện Gio Linh").
     */
    @Transactional
    public List<UnitView> list(UnitLevel level, Long parentId, String q, boolean includeRetired) {
        UnitTree tree = UnitTree.load();
        String folded = q == null || q.isBlank() ? null : Text.fold(q);
        Stream<Unit> units = parentId == null ? tree.all().stream() : tree.children(parentId).stream();
        return units.filter(u -> includeRetired || u.retiredAt == null)
                .filter(u -> level == null || u.level == level)
                .filter(u -> folded == null || u.nameFolded.contains(folded))
                .sorted(tree.byPath())
                .map(u -> tree.view(u, includeRetired))
                .toList();
    }

    @Transactional
    public UnitView get(long id) {
        UnitTree tree = UnitTree.load();
        return tree.view(require(tree, id), true);
    }

    @Transactional
    public UnitView create(UnitRequest r) {
        Unit u = new Unit();
        u.createdAt = Instant.now(clock);
        UnitTree tree = UnitTree.load();
        apply(tree, u, r);
        u.persist();
        audit.record(null, "unit.created", "unit", u.id, u.name);
        return UnitTree.load().view(u, true);
    }

    @Transactional
    public UnitView update(long id, UnitRequest r) {
        UnitTree tree = UnitTree.load();
        Unit u = require(tree, id);
        checkVersion(u, r.version());
        String before = tree.path(u);
        apply(tree, u, r);
        Unit.flush();
        UnitTree after = UnitTree.load();
        audit.record(null, "unit.updated", "unit", u.id, before + " → " + after.path(u));
        return after.view(u, true);
    }

    @Transactional
    public UnitView retire(long id, Long version) {
        return setRetired(id, version, true);
    }

    @Transactional
    public UnitView restore(long id, Long version) {
        return setRetired(id, version, false);
    }

    @Transactional
    public void delete(long id) {
        UnitTree tree = UnitTree.load();
        Unit u = require(tree, id);
        int children = tree.children(id).size();
        if (children > 0) throw ProblemException.conflict("unit.has-children", u.name, children);
        if (usages.stream().anyMatch(usage -> usage.isUsed(id))) throw ProblemException.conflict("unit.in-use", u.name);
        String path = tree.path(u);
        u.delete();
        audit.record(null, "unit.deleted", "unit", id, path);
    }

    /** The unit's current name, to be snapshotted by whoever refers to it. */
    @Transactional
    public String currentName(long unitId) {
        Unit u = Unit.findById(unitId);
        if (u == null) throw ProblemException.notFound("unit", unitId);
        return u.name;
    }

    /** For snapshots: the unit and its ancestors, root first; 404 if it does not exist. */
    @Transactional
    public List<UnitView> lineage(long unitId) {
        UnitTree tree = UnitTree.load();
        return tree.lineage(require(tree, unitId)).stream()
                .map(x -> tree.view(x, true))
                .toList();
    }

    /**
     * For bulk point creation: the lineage (root first, the unit last) of every unit of {@code
     * level} below {@code parentId} at any depth, retired ones left out, in path order.
     */
    @Transactional
    public List<List<UnitView>> lineagesBelow(long parentId, UnitLevel level) {
        UnitTree tree = UnitTree.load();
        require(tree, parentId);
        return tree.descendants(parentId).stream()
                .filter(u -> u.level == level && u.retiredAt == null)
                .sorted(tree.byPath())
                .map(u -> tree.lineage(u).stream().map(x -> tree.view(x, true)).toList())
                .toList();
    }

    private UnitView setRetired(long id, Long version, boolean retired) {
        UnitTree tree = UnitTree.load();
        Unit u = require(tree, id);
        checkVersion(u, version);
        if ((u.retiredAt != null) != retired) {
            u.retiredAt = retired ? Instant.now(clock) : null;
            u.updatedAt = Instant.now(clock);
            Unit.flush();
            audit.record(null, retired ? "unit.retired" : "unit.restored", "unit", u.id, tree.path(u));
        }
        return tree.view(u, true);
    }

    private void apply(UnitTree tree, Unit u, UnitRequest r) {
        String code = Text.clean(r.code());
        if (code != null && !code.equalsIgnoreCase(u.code)) requireFreeCode(code, u.id);
        if (r.parentId() != null && !Objects.equals(r.parentId(), u.parentId)) {
            if (tree.get(r.parentId()) == null)
                throw ProblemException.badRequest("unit.parent-not-found", r.parentId());
            if (u.id != null && tree.isSelfOrDescendant(u, r.parentId())) {
                throw ProblemException.conflict("unit.cycle", u.name, tree.path(tree.get(r.parentId())));
            }
        }
        u.parentId = r.parentId();
        u.code = code;
        u.name = Text.clean(r.name());
        u.nameFolded = Text.fold(u.name);
        u.level = r.level();
        u.updatedAt = Instant.now(clock);
    }

    /** 409 when another unit already has this code (codes compare ignoring case, like the database). */
    static void requireFreeCode(String code, Long exceptId) {
        Unit other = Unit.<Unit>find("lower(code) = lower(?1)", code).firstResult();
        if (other != null && !other.id.equals(exceptId))
            throw ProblemException.conflict("unit.code-taken", code, other.name);
    }

    private static Unit require(UnitTree tree, long id) {
        Unit u = tree.get(id);
        if (u == null) throw ProblemException.notFound("unit", id);
        return u;
    }

    private static void checkVersion(Unit u, Long version) {
        if (version != null && version != u.version) throw ProblemException.conflict("stale");
    }
}

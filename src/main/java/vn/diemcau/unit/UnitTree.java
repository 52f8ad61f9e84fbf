package vn.diemcau.unit;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.diemcau.common.Text;

/**
 * The whole unit tree in memory (a province has a few thousand units): paths, child counts,
 * lineages and subtrees come from one query instead of one per level.
 */
final class UnitTree {
    static final String SEPARATOR = " › ";

    private final Map<Long, Unit> byId = new HashMap<>();
    private final Map<Long, List<Unit>> children = new HashMap<>();
    private final Map<Long, List<Unit>> lineages = new HashMap<>();

    UnitTree(Collection<Unit> units) {
        for (Unit u : units) byId.put(u.id, u);
        for (Unit u : units) {
            if (u.parentId != null)
                children.computeIfAbsent(u.parentId, k -> new ArrayList<>()).add(u);
        }
    }

    static UnitTree load() {
        return new UnitTree(Unit.<Unit>listAll());
    }

    Unit get(long id) {
        return byId.get(id);
    }

    Collection<Unit> all() {
        return byId.values();
    }

    List<Unit> children(long id) {
        return children.getOrDefault(id, List.of());
    }

    /** Root first, the unit itself last. */
    List<Unit> lineage(Unit u) {
        List<Unit> cached = lineages.get(u.id);
        if (cached != null) return cached;
        List<Unit> up = new ArrayList<>();
        // The size bound stops a corrupted (cyclic) tree from looping; the service never creates one.
        for (Unit x = u; x != null && up.size() <= byId.size(); x = x.parentId == null ? null : byId.get(x.parentId)) {
            up.add(0, x);
        }
        lineages.put(u.id, up);
        return up;
    }

    String path(Unit u) {
        return String.join(SEPARATOR, lineage(u).stream().map(x -> x.name).toList());
    }

    /** True when {@code candidate} is {@code u} or lies below it: making it u's parent would close a cycle. */
    boolean isSelfOrDescendant(Unit u, long candidate) {
        Unit c = byId.get(candidate);
        return c != null && lineage(c).stream().anyMatch(x -> x.id.equals(u.id));
    }

    /** Everything below {@code id}, at any depth. */
    List<Unit> descendants(long id) {
        List<Unit> out = new ArrayList<>();
        List<Unit> todo = new ArrayList<>(children(id));
        while (!todo.isEmpty()) {
            Unit u = todo.remove(todo.size() - 1);
            out.add(u);
            todo.addAll(children(u.id));
        }
        return out;
    }

    /** Orders units by their path, segment by segment, the Vietnamese way. */
    Comparator<Unit> byPath() {
        Collator c = Text.collator();
        return (a, b) -> {
            List<Unit> la = lineage(a);
            List<Unit> lb = lineage(b);
            for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
                int r = c.compare(la.get(i).name, lb.get(i).name);
                if (r != 0) return r;
                r = Long.compare(la.get(i).id, lb.get(i).id);
                if (r != 0) return r;
            }
            return Integer.compare(la.size(), lb.size());
        };
    }

    UnitView view(Unit u, boolean countRetired) {
        long count = children(u.id).stream()
                .filter(c -> countRetired || c.retiredAt == null)
                .count();
        return new UnitView(u.id, u.parentId, u.code, u.name, u.level, u.retiredAt != null, path(u), count, u.version);
    }
}

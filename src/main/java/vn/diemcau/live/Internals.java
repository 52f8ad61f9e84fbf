package vn.diemcau.live;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.jboss.logging.Logger;

/**
 * Reaching into websockets-next's and Vert.x's internals, for the few things their APIs do not
 * offer (the prepared-frame write path, dropping what a connection no longer needs). Every member
 * is looked up once; where a version of the library has none, the caller falls back to the public
 * API and the log says so once.
 */
final class Internals {
    private static final Logger LOG = Logger.getLogger(Internals.class);

    private Internals() {}

    interface Lookup<T> {
        T find() throws ReflectiveOperationException;
    }

    /** A member of another library's internals, made accessible; null (noted in the log) where this version has none. */
    static <T extends AccessibleObject> T accessible(Lookup<T> lookup, String otherwise) {
        try {
            T member = lookup.find();
            member.setAccessible(true);
            return member;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.infof("live: %s (%s)", otherwise, e);
            return null;
        }
    }

    /** The field {@code name} declared by the class {@code owner}, made accessible; null (noted in the log) where missing. */
    static Field field(String owner, String name, String otherwise) {
        return accessible(() -> Class.forName(owner).getDeclaredField(name), otherwise);
    }

    /** What {@code member} (a field, or a method without parameters) holds for {@code target}; null when it cannot be read. */
    static Object read(AccessibleObject member, Object target) {
        if (member == null || target == null) return null;
        try {
            return member instanceof Method m ? m.invoke(target) : ((Field) member).get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}

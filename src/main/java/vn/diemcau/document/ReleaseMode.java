package vn.diemcau.document;

/** When a document becomes available to its audience. */
public enum ReleaseMode {
    /** As soon as it is uploaded. */
    NOW,
    /** When its agenda item starts (at once if the item already started). */
    ON_ITEM_START,
    /** When the session ends. */
    ON_SESSION_END
}

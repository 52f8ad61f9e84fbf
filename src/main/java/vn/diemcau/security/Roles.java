package vn.diemcau.security;

/** The roles of DESIGN.md. Staff roles come from the OIDC token; participant from an invitation. */
public final class Roles {
    public static final String ORGANIZER = "organizer";
    public static final String OPERATOR = "operator";
    public static final String OBSERVER = "observer";
    public static final String PARTICIPANT = "participant";

    private Roles() {}
}

package vn.diemcau.registration;

/** SELF: the person filled in a public registration link; NOMINATED: an operator or organizer put them forward. */
public enum RegistrationSource {
    SELF,
    NOMINATED
}

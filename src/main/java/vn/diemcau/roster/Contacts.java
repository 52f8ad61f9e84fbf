package vn.diemcau.roster;

import java.util.regex.Pattern;

/** The phone and e-mail rules shared by the form, the import and registration, so all accept the same. */
public final class Contacts {
    // 9–15 digits with the usual separators; spreadsheets drop the leading 0 of "0912…", so 9 is enough.
    private static final Pattern PHONE = Pattern.compile("^(?=(?:\\D*\\d){9,15}\\D*$)\\+?[0-9 .()-]+$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");

    private Contacts() {}

    public static boolean validPhone(String phone) {
        return phone == null || PHONE.matcher(phone).matches();
    }

    public static boolean validEmail(String email) {
        return email == null || EMAIL.matcher(email).matches();
    }
}

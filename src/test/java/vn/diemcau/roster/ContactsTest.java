package vn.diemcau.roster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContactsTest {
    @Test
    void phoneNumbersAsOfficesWriteThem() {
        for (String ok : new String[] {
            "0912345678", "0912 345 678", "0912.345.678", "+84 912 345 678", "(0233) 3852 123", "912345678", null
        }) {
            assertTrue(Contacts.validPhone(ok), ok);
        }
        for (String bad :
                new String[] {"12ab", "0912", "0912-345-678 máy lẻ 12", "++84912345678", "1234567890123456"}) {
            assertFalse(Contacts.validPhone(bad), bad);
        }
    }

    @Test
    void emailAddresses() {
        for (String ok : new String[] {"quat@example.vn", "van.an+hoinghi@quangtri.gov.vn", null}) {
            assertTrue(Contacts.validEmail(ok), ok);
        }
        for (String bad : new String[] {"binh@", "khong-phai-email", "a@b", "a b@c.vn", "a@@b.vn", "a@b.c"}) {
            assertFalse(Contacts.validEmail(bad), bad);
        }
    }
}

package vn.diemcau.roster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import vn.diemcau.common.Text;

@Entity
@Table(name = "delegates")
public class Delegate extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    public long sessionId;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(name = "name_folded", nullable = false)
    public String nameFolded;

    @Column(name = "name_sort_key", nullable = false)
    public byte[] nameSortKey;

    public String position;

    @Column(name = "unit_name")
    public String unitName;

    @Column(name = "unit_folded", nullable = false)
    public String unitFolded;

    @Column(name = "search_folded", nullable = false)
    public String searchFolded;

    public String category;

    @Column(name = "point_id")
    public Long pointId;

    public String phone;

    public String email;

    public String note;

    @Column(name = "invitation_salt")
    public String invitationSalt;

    /** SHA-256 of the token currently valid; null when none was issued or it was revoked. */
    @Column(name = "invitation_hash", columnDefinition = "CHAR(64)")
    public String invitationHash;

    @Column(name = "invitation_issued_at")
    public Instant invitationIssuedAt;

    @Column(name = "invitation_revoked_at")
    public Instant invitationRevokedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Keeps the derived search, duplicate and order columns in step with the texts they come from. */
    void derive() {
        nameFolded = Text.fold(fullName);
        unitFolded = Text.fold(unitName);
        nameSortKey = sortKey(fullName);
        searchFolded = nameFolded + " | " + unitFolded + " | " + Text.fold(position);
    }

    /** Same folded name and unit: what makes two rows look like one person entered twice. */
    String twinKey() {
        return nameFolded + " | " + unitFolded;
    }

    boolean invitationActive() {
        return invitationHash != null;
    }

    static byte[] sortKey(String fullName) {
        byte[] key = Text.nameSortKey(fullName);
        // The column holds 1024 bytes; a longer key only loses order among names sharing a long prefix.
        return key.length <= 1024 ? key : Arrays.copyOf(key, 1024);
    }
}

package vn.diemcau.unit;

import java.util.Map;
import java.util.Optional;
import vn.diemcau.common.Text;

/** Kinds of unit in the tree: tỉnh, huyện (older sessions), xã, đảng ủy / cấp ủy, cơ quan. */
public enum UnitLevel {
    PROVINCE,
    DISTRICT,
    COMMUNE,
    PARTY_COMMITTEE,
    AGENCY;

    /** The words offices write in a "Cấp" column, folded (no case, no diacritics). */
    private static final Map<String, UnitLevel> WORDS = Map.ofEntries(
            Map.entry("tinh", PROVINCE),
            Map.entry("cap tinh", PROVINCE),
            Map.entry("huyen", DISTRICT),
            Map.entry("cap huyen", DISTRICT),
            Map.entry("quan", DISTRICT),
            Map.entry("thi xa", DISTRICT),
            Map.entry("xa", COMMUNE),
            Map.entry("cap xa", COMMUNE),
            Map.entry("phuong", COMMUNE),
            Map.entry("thi tran", COMMUNE),
            Map.entry("dac khu", COMMUNE),
            Map.entry("dang uy", PARTY_COMMITTEE),
            Map.entry("cap uy", PARTY_COMMITTEE),
            Map.entry("co quan", AGENCY),
            Map.entry("party committee", PARTY_COMMITTEE));

    /** Reads "Tỉnh", "xa", "Đảng ủy", "COMMUNE", "party_committee"…; empty when it is none of them. */
    public static Optional<UnitLevel> parse(String text) {
        String f = Text.fold(text);
        UnitLevel l = WORDS.get(f);
        if (l != null) return Optional.of(l);
        for (UnitLevel v : values()) {
            if (v.name().equalsIgnoreCase(f.replace(' ', '_'))) return Optional.of(v);
        }
        return Optional.empty();
    }
}

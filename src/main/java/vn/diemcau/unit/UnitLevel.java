package vn.diemcau.unit;

/** Kinds of unit in the tree: tỉnh, huyện (older sessions), xã, đảng ủy / cấp ủy, cơ quan. */
public enum UnitLevel {
    PROVINCE,
    DISTRICT,
    COMMUNE,
    PARTY_COMMITTEE,
    AGENCY
}

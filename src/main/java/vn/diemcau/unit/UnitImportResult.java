package vn.diemcau.unit;

/** What an import did: units created, existing units changed, and rows that changed nothing. */
public record UnitImportResult(int created, int updated, int unchanged) {}

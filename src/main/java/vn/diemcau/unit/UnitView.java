package vn.diemcau.unit;

public record UnitView(
        long id,
        Long parentId,
        String code,
        String name,
        UnitLevel level,
        boolean retired,
        String path,
        long childCount,
        long version) {}

package vn.diemcau.roster;

import java.util.List;

/** Delegates of one session sharing the same name and unit (diacritics and case ignored). */
public record DuplicateGroup(String key, List<DelegateView> delegates) {}

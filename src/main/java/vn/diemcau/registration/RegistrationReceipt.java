package vn.diemcau.registration;

/** Answer to a registration: keep the status link, it is the only way back to it. */
public record RegistrationReceipt(long id, RegistrationStatus status, String statusToken, String statusUrl) {}

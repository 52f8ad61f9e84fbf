package vn.diemcau.roster;

/** A delegate's personal invitation: the token and the link to print or send (QR). */
public record InvitationView(String token, String url) {}

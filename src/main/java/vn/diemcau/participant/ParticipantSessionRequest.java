package vn.diemcau.participant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The token from the invitation link, posted once by the page the link opens. */
public record ParticipantSessionRequest(
        @NotBlank @Size(max = 100) String token) {}

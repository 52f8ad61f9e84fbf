package vn.diemcau.document;

import java.time.Instant;

/** One recorded download, for the organizer. */
public record DownloadView(
        long id,
        String actor,
        String role,
        Long delegateId,
        String recipientName,
        String recipientUnit,
        Long pointId,
        String pointName,
        Integer versionNumber,
        boolean watermarked,
        Instant startedAt,
        Instant lastAt,
        int requests) {
    static DownloadView from(Download x, Integer number, String pointName) {
        return new DownloadView(
                x.id,
                x.actor,
                x.actorRole,
                x.delegateId,
                x.recipientName,
                x.recipientUnit,
                x.pointId,
                pointName,
                number,
                x.watermarked,
                x.startedAt,
                x.lastAt,
                x.requests);
    }
}

package vn.diemcau.document;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A document as a caller sees it: staff who manage it get every version, everybody else only the
 * current one (what a download serves).
 */
public record DocumentView(
        long id,
        long sessionId,
        Long agendaItemId,
        String title,
        Classification classification,
        ReleaseMode release,
        Set<String> roles,
        Set<Long> pointIds,
        boolean released,
        Instant releasedAt,
        Instant recalledAt,
        VersionView current,
        List<VersionView> versions,
        long version) {

    public record VersionView(
            int number,
            String fileName,
            String contentType,
            long size,
            String sha256,
            String uploadedBy,
            Instant uploadedAt) {
        static VersionView from(DocumentVersion v) {
            return new VersionView(v.number, v.fileName, v.contentType, v.size, v.sha256, v.uploadedBy, v.uploadedAt);
        }
    }

    static DocumentView from(Document d, DocumentVersion current, List<DocumentVersion> versions) {
        return new DocumentView(
                d.id,
                d.sessionId,
                d.agendaItemId,
                d.title,
                d.classification,
                d.releaseMode,
                d.roles(),
                new TreeSet<>(d.points),
                d.released,
                d.releasedAt,
                d.recalledAt,
                current == null ? null : VersionView.from(current),
                versions == null
                        ? null
                        : versions.stream().map(VersionView::from).toList(),
                d.version);
    }
}

package vn.diemcau.document;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.diemcau.common.Pdf;
import vn.diemcau.testing.Tokens;

/** Files of every kind and uploads through the API, for document tests. */
public final class DocumentFixtures {
    private DocumentFixtures() {}

    /** A real PDF of {@code pages} pages with a line of text on each. */
    public static byte[] pdf(String text, int pages) {
        try (Pdf p = Pdf.a4(text)) {
            for (int i = 0; i < pages; i++) p.newPage().heading(text).text("Trang nội dung số " + (i + 1));
            return p.toBytes();
        }
    }

    /** A minimal but well-formed DOCX package. */
    public static byte[] docx() {
        return zip(Map.of(
                "[Content_Types].xml",
                "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
                "word/document.xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"));
    }

    public static byte[] png() {
        return new byte[] {
            (byte) 0x89,
            'P',
            'N',
            'G',
            0x0D,
            0x0A,
            0x1A,
            0x0A,
            0,
            0,
            0,
            0x0D,
            'I',
            'H',
            'D',
            'R',
            0,
            0,
            0,
            1,
            0,
            0,
            0,
            1
        };
    }

    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Streams {@code content} as the organizer; {@code query} holds the other fields (release, roles, …). */
    public static Response upload(long sessionId, String fileName, byte[] content, Map<String, ?> query) {
        return Tokens.as(Tokens.ORGANIZER)
                .contentType("application/octet-stream")
                .queryParam("fileName", fileName)
                .queryParams(query)
                .body(content)
                .post("/api/sessions/" + sessionId + "/documents");
    }

    /** Uploads and expects 201; returns the new document's id. */
    public static long uploaded(long sessionId, String fileName, byte[] content, Map<String, ?> query) {
        return upload(sessionId, fileName, content, query)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** A participant's download request, with their invitation token. */
    public static io.restassured.specification.RequestSpecification invited(String token) {
        return given().header("Authorization", "Invitation " + token);
    }

    public static long documents(long sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> Document.count("sessionId", sessionId));
    }

    public static long downloads(long documentId) {
        return QuarkusTransaction.requiringNew().call(() -> Download.count("documentId", documentId));
    }
}

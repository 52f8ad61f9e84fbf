package vn.diemcau.document;

/** How carefully a document is handled: a confidential PDF is watermarked for each recipient. */
public enum Classification {
    NORMAL,
    RESTRICTED,
    CONFIDENTIAL
}

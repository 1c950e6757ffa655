package org.socketinspector.report;

/** Paper for the PDF format. */
public enum PageSize {
    A4("A4"), LETTER("letter");

    private final String css;

    PageSize(String css) {
        this.css = css;
    }

    String css() {
        return css;
    }
}

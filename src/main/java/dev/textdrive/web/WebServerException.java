package dev.textdrive.web;

/** The web server could not start; the message says what to change. */
public class WebServerException extends RuntimeException {

    public WebServerException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.textdrive.web;

import dev.textdrive.storage.StorageAccount;
import dev.textdrive.storage.kloudless.KloudlessLinking;
import dev.textdrive.storage.kloudless.LinkingException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /oauth/kloudless/callback}: where Kloudless sends the operator's browser after sign-in. It
 * finishes linking and shows a page that tells the operator to return to TextDrive.
 */
public final class KloudlessCallbackHandler extends Handler.Abstract {

    private static final Logger log = LoggerFactory.getLogger(KloudlessCallbackHandler.class);

    private final KloudlessLinking linking;
    private final Supplier<String> redirectUri;
    private final Consumer<StorageAccount> linked;

    /**
     * @param redirectUri the callback URL given to Kloudless when linking started
     * @param linked hears about each linked account, so open screens can update
     */
    public KloudlessCallbackHandler(KloudlessLinking linking, Supplier<String> redirectUri, Consumer<StorageAccount> linked) {
        this.linking = linking;
        this.redirectUri = redirectUri;
        this.linked = linked;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Fields query = Request.extractQueryParameters(request);
        String error = query.getValue("error");
        if (error != null) {
            log.info("Kloudless sign-in ended with error '{}'.", error);
            page(response, callback, HttpStatus.BAD_REQUEST_400, "Linking was cancelled",
                    "Kloudless reported: " + error + ". You can close this tab and start again from TextDrive.");
            return true;
        }
        try {
            StorageAccount account = linking.complete(query.getValue("state"), query.getValue("code"), redirectUri.get());
            linked.accept(account);
            page(response, callback, HttpStatus.OK_200, "Account linked",
                    account.displayName() + " is linked to TextDrive. Close this tab and return to TextDrive, which "
                            + "shows the account under Storage accounts.");
        } catch (LinkingException e) {
            log.warn("Linking a Kloudless account failed: {}", e.getMessage());
            page(response, callback, HttpStatus.BAD_REQUEST_400, "Linking failed", e.getMessage());
        }
        return true;
    }

    private static void page(Response response, Callback callback, int status, String title, String message) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>TextDrive: " + escape(title)
                + "</title><meta name=\"viewport\" content=\"width=device-width\"></head>"
                + "<body style=\"font-family:sans-serif;max-width:36em;margin:4em auto;line-height:1.5\">"
                + "<h1>" + escape(title) + "</h1><p>" + escape(message) + "</p></body></html>";
        Responses.text(response, callback, status, "text/html; charset=utf-8", html);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

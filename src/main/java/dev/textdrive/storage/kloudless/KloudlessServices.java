package dev.textdrive.storage.kloudless;

import java.util.Locale;
import java.util.Map;

/** Display names of the storage services Kloudless connects, by the service id its API returns. */
final class KloudlessServices {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("dropbox", "Dropbox"),
            Map.entry("box", "Box"),
            Map.entry("gdrive", "Google Drive"),
            Map.entry("onedrive", "OneDrive"),
            Map.entry("onedrivebiz", "OneDrive for Business"),
            Map.entry("sharepoint", "SharePoint"),
            Map.entry("egnyte", "Egnyte"),
            Map.entry("s3", "Amazon S3"),
            Map.entry("azure", "Azure Storage"),
            Map.entry("webdav", "WebDAV"),
            Map.entry("sftp", "SFTP"),
            Map.entry("cmis", "CMIS"));

    private KloudlessServices() {
    }

    static String displayName(String service) {
        if (service == null || service.isBlank()) {
            return "Kloudless";
        }
        return NAMES.getOrDefault(service.toLowerCase(Locale.ROOT), service);
    }
}

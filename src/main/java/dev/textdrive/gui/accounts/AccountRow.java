package dev.textdrive.gui.accounts;

import dev.textdrive.phone.PhoneNumbers;
import dev.textdrive.storage.StorageAccount;
import java.util.List;

/**
 * One storage account as the accounts screen shows it.
 *
 * @param id the account's database id
 * @param name the name texters see
 * @param provider the provider type, such as {@link StorageAccount#LOCAL}
 * @param location where the storage is: a folder path for a local folder, the API base URL for Kloudless
 * @param detail the provider's description of the account, such as "Dropbox (ann@example.com)"; empty when nothing
 * @param phones the phones the account is granted to, in E.164 form
 * @param reachable whether the storage could be reached when the list was loaded. For Kloudless, whether the
 *     API has not rejected the account's token, because loading the list does not call the API.
 * @param needsRelink whether the provider rejected the account's credentials, so the operator must link it again
 */
public record AccountRow(long id, String name, String provider, String location, String detail, List<String> phones,
                         boolean reachable, boolean needsRelink) {

    public AccountRow {
        phones = List.copyOf(phones);
    }

    /** Returns the provider's name for people, such as "Local folder" or "Kloudless". */
    public String providerLabel() {
        return providerLabel(provider);
    }

    /** Returns whether the account is linked through Kloudless. */
    public boolean kloudless() {
        return StorageAccount.KLOUDLESS.equals(provider);
    }

    /** Returns the name as the core reports it in events: the name, then the provider's detail when it adds something. */
    public String displayName() {
        return new StorageAccount(id, name, provider, location, null, detail, needsRelink).displayName();
    }

    /**
     * Returns the provider, the detail and the location in one line, such as "Kloudless · Dropbox (ann@example.com) ·
     * https://api.kloudless.com". The detail is left out when it is empty or the same as the name.
     */
    public String whereText() {
        if (detail.isEmpty() || detail.equalsIgnoreCase(name)) {
            return providerLabel() + " · " + location;
        }
        return providerLabel() + " · " + detail + " · " + location;
    }

    /** Returns the phones in international form, such as "+1 202-555-0143 and +44 7400 123456". */
    public String phonesText() {
        return phones.isEmpty() ? "No phones have access yet" : joinPhones(phones);
    }

    /** Returns a provider type's name for people; a type this version does not know is shown as it is stored. */
    static String providerLabel(String provider) {
        return switch (provider) {
            case StorageAccount.LOCAL -> "Local folder";
            case StorageAccount.KLOUDLESS -> "Kloudless";
            default -> provider;
        };
    }

    /** Returns phones in international form joined as in a sentence: "A", "A and B", "A, B and C". */
    static String joinPhones(List<String> phones) {
        List<String> shown = phones.stream().map(PhoneNumbers::international).toList();
        if (shown.size() <= 1) {
            return String.join("", shown);
        }
        return String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
    }
}

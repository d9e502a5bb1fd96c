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
 * @param location where the storage is: a folder path for a local folder
 * @param phones the phones the account is granted to, in E.164 form
 * @param reachable whether the storage could be reached when the list was loaded
 */
public record AccountRow(long id, String name, String provider, String location, List<String> phones,
                         boolean reachable) {

    public AccountRow {
        phones = List.copyOf(phones);
    }

    /** Returns the provider's name for people, such as "Local folder". */
    public String providerLabel() {
        return providerLabel(provider);
    }

    /** Returns the phones in international form, such as "+1 202-555-0143 and +44 7400 123456". */
    public String phonesText() {
        return phones.isEmpty() ? "No phones have access yet" : joinPhones(phones);
    }

    /** Returns a provider type's name for people; a type this version does not know is shown as it is stored. */
    static String providerLabel(String provider) {
        return StorageAccount.LOCAL.equals(provider) ? "Local folder" : provider;
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

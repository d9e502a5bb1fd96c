package dev.textdrive.storage.kloudless;

import java.util.List;

/** A token given without an account id reaches no account or several, so the operator must name the one to add. */
public final class AmbiguousTokenException extends LinkingException {

    private final List<String> accountIds;

    public AmbiguousTokenException(List<String> accountIds) {
        super("The token reaches " + accountIds.size() + " accounts: give the one to add with --account-id.");
        this.accountIds = List.copyOf(accountIds);
    }

    /** Returns the ids of the Kloudless accounts the token reaches, in the order the API listed them. */
    public List<String> accountIds() {
        return accountIds;
    }
}

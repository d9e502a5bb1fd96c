package dev.textdrive.sms;

import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import dev.textdrive.config.Config;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Points the Twilio number's incoming SMS webhook at TextDrive through the IncomingPhoneNumbers API. */
public final class TwilioNumberSetup {

    private static final Logger log = LoggerFactory.getLogger(TwilioNumberSetup.class);

    private TwilioNumberSetup() {
    }

    /**
     * Sets the number's SMS URL to {@code webhookUrl} with method POST.
     *
     * @return what Twilio now has, such as "Twilio sends SMS for +14155550100 to https://.../sms (POST)."
     * @throws SmsException when the number is not on the account or Twilio rejects the change
     */
    public static String pointWebhook(Config.Twilio twilio, String webhookUrl) throws SmsException {
        TwilioRestClient client = TwilioGateway.restClient(twilio);
        try {
            ResourceSet<IncomingPhoneNumber> numbers = IncomingPhoneNumber.reader()
                    .setPhoneNumber(twilio.phoneNumber()).read(client);
            Iterator<IncomingPhoneNumber> found = numbers.iterator();
            if (!found.hasNext()) {
                throw new SmsException(null, "The number " + twilio.phoneNumber() + " is not on Twilio account "
                        + twilio.accountSid() + ": check twilio.phone_number.", null);
            }
            IncomingPhoneNumber updated = IncomingPhoneNumber.updater(found.next().getSid())
                    .setSmsUrl(webhookUrl).setSmsMethod(HttpMethod.POST).update(client);
            String result = "Twilio sends SMS for " + twilio.phoneNumber() + " to " + updated.getSmsUrl()
                    + " (" + updated.getSmsMethod() + ").";
            log.info(result);
            return result;
        } catch (ApiException e) {
            log.warn("Twilio rejected the webhook change for {}: error {} ({}).", twilio.phoneNumber(), e.getCode(), e.getMessage());
            throw new SmsException(e.getCode(), "Twilio rejected the change: " + e.getMessage()
                    + (e.getCode() == null ? "" : " (error " + e.getCode() + ")"), e);
        } catch (ApiConnectionException e) {
            log.warn("Twilio did not respond to the webhook change.", e);
            throw new SmsException(null, "Twilio did not respond: check the network and try again.", e);
        }
    }
}

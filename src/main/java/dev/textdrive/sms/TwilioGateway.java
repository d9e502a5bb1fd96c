package dev.textdrive.sms;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import dev.textdrive.config.Config;
import dev.textdrive.phone.PhoneNumbers;
import dev.textdrive.phone.PhoneStore;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends SMS through the Twilio REST API with the configured credentials and base URL. */
public final class TwilioGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(TwilioGateway.class);

    private final TwilioRestClient client;
    private final String from;
    private final MessageLog messages;
    private final PhoneStore phones;

    public TwilioGateway(Config.Twilio twilio, MessageLog messages, PhoneStore phones) {
        this.client = restClient(twilio);
        this.from = twilio.phoneNumber();
        this.messages = messages;
        this.phones = phones;
    }

    /** Builds the SDK's REST client, sending its requests to {@code api_base_url} when one is configured. */
    public static TwilioRestClient restClient(Config.Twilio twilio) {
        HttpClient http = new NetworkHttpClient();
        Optional<String> baseUrl = twilio.apiBaseUrl();
        if (baseUrl.isPresent()) {
            http = new RebasingHttpClient(baseUrl.get(), http);
        }
        return new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken()).httpClient(http).build();
    }

    @Override
    public String send(OutboundSms sms) throws SmsException {
        try {
            Message message = Message.creator(new PhoneNumber(sms.to()), new PhoneNumber(from), sms.body()).create(client);
            String status = message.getStatus() == null ? "queued" : message.getStatus().toString();
            messages.recordOutbound(message.getSid(), sms, status, null);
            log.info("Sent {} SMS {} to {}.", sms.purpose(), message.getSid(), PhoneNumbers.mask(sms.to()));
            return message.getSid();
        } catch (ApiException e) {
            Integer code = e.getCode();
            messages.recordOutbound(null, sms, "failed", code);
            if (code == null) {
                log.warn("Could not reach Twilio for {} SMS to {}: {}", sms.purpose(), PhoneNumbers.mask(sms.to()), e.getMessage());
                throw new SmsException(null, "Could not reach Twilio: " + e.getMessage(), e);
            }
            if (code != null && code == SmsException.OPTED_OUT) {
                phones.recordOptOut(sms.to(), "twilio 21610");
            }
            log.warn("Twilio rejected {} SMS to {}: error {} ({}).", sms.purpose(), PhoneNumbers.mask(sms.to()), code,
                    e.getMessage());
            throw new SmsException(code, "Twilio error " + code + ": " + e.getMessage(), e);
        } catch (ApiConnectionException e) {
            messages.recordOutbound(null, sms, "failed", null);
            log.warn("Twilio did not respond for {} SMS to {}.", sms.purpose(), PhoneNumbers.mask(sms.to()), e);
            throw new SmsException(null, "Twilio did not respond: " + e.getMessage(), e);
        } catch (TwilioException e) {
            messages.recordOutbound(null, sms, "failed", null);
            log.warn("Sending {} SMS to {} failed.", sms.purpose(), PhoneNumbers.mask(sms.to()), e);
            throw new SmsException(null, "Sending failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean simulated() {
        return false;
    }
}

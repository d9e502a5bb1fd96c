package dev.textdrive.sms;

/**
 * An SMS that Twilio delivered to the webhook.
 *
 * @param messageSid Twilio's id of the message; a repeated delivery carries the same one
 * @param from the texter's number in E.164 form
 * @param body the text
 * @param formJson every form value of the webhook request, repeated keys included, as JSON
 */
public record InboundSms(String messageSid, String from, String body, String formJson) {
}

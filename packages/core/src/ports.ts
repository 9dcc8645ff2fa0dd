/** Source of the current time, injected so rules with time are tested without sleeping. */
export interface Clock {
  now(): Date;
}

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A message to a person outside Vigie (a requester, the DPO), by e-mail. */
export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends messages to people outside Vigie; the default drops them into an outbox a mail relay sends. */
export interface Notifier {
  send(message: OutgoingMessage): Promise<void>;
}

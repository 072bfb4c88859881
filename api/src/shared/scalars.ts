import { DateTimeISOResolver, JSONObjectResolver } from 'graphql-scalars';

/** ISO-8601 instants; views carry them as strings, so no Date is built per event. */
export const DateTime = DateTimeISOResolver;

/** An event's details: one documented shape per event type, the same object a webhook's body carries. */
export const JSONObject = JSONObjectResolver;

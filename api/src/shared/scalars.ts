import { DateTimeISOResolver } from 'graphql-scalars';

/** ISO-8601 instants; views carry them as strings, so no Date is built per event. */
export const DateTime = DateTimeISOResolver;

import { z } from '../zod';
import { atLeastOneChange, dateKey, filled, id, idNumber, phone, text } from '../schemas';

const homeClientFields = {
  name: filled(200),
  address: filled(500),
  phone: z.optional(phone),
  idNumber: z.optional(idNumber),
  reason: z.enum(['elderly', 'sick', 'disabled', 'other']),
  note: z.optional(text(1000)),
};
export const zHomeClientRegistered = z.object(homeClientFields);
export const zHomeClientUpdated = z.object({
  changes: z.object(homeClientFields).partial().check(atLeastOneChange),
});
export const zHomeVisitPlanned = z.object({
  clientId: z.uuid(),
  date: dateKey,
  procedureId: z.optional(id),
  staffId: id,
});
export const zHomeVisitCompleted = z.object({
  visitId: z.uuid(),
  dossierId: z.optional(z.uuid()),
  outcome: filled(1000),
  staffId: id,
});

// The admin forms for connected tools and activity mappings: one schema per form, shared by the
// form (components/xapi-admin) and its server action.
import { z } from "zod";

const id = z.string().trim().min(1).max(64);

export const createToolSchema = z.object({
  name: z.string().trim().min(1, "Name the tool (e.g. the reading app's name).").max(100, "Keep the name under 100 characters."),
  schoolId: z.string().trim().min(1, "Choose the school whose students use the tool.").max(64),
});
export type CreateToolInput = z.input<typeof createToolSchema>;

export const revokeToolSchema = z.object({ toolId: id });

export const addMappingSchema = z.object({
  activityId: z
    .string()
    .trim()
    .min(1, "Enter the activity's id, as the tool sends it.")
    .max(2000, "Keep the activity id under 2,000 characters.")
    .regex(/^[a-z][a-z0-9+.-]*:\S+$/i, "An activity id is an IRI, e.g. https://reading.example/books/42."),
  standardIds: z.array(id).min(1, "Choose at least one standard.").max(20, "Choose at most 20 standards at a time."),
});
export type AddMappingInput = z.input<typeof addMappingSchema>;

export const removeMappingSchema = z.object({ mappingId: id });

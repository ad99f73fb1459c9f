import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/bootstrap";
import { recordId, storableText } from "@/lib/validation/zod";

const userId = recordId("Choose a user.");
const password = z
  .string({ error: "Enter a password." })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, "Use at most 200 characters.");
const role = z.enum(ROLES, { error: "Choose admin, editor or viewer." });

export const createUserSchema = z.object({
  email: storableText("Enter an email address.").trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(320)),
  name: storableText()
    .trim()
    .max(200, "Use at most 200 characters.")
    .optional()
    .transform((value) => (value ? value : null)),
  role,
  password,
});

export const changeUserRoleSchema = z.object({ id: userId, role });

// Checkbox-style form values arrive as strings.
const booleanField = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]);

export const setUserActiveSchema = z.object({ id: userId, active: booleanField });

export const resetUserPasswordSchema = z.object({ id: userId, password });

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type ChangeUserRoleInput = z.infer<typeof changeUserRoleSchema>;
export type SetUserActiveInput = z.infer<typeof setUserActiveSchema>;
export type ResetUserPasswordInput = z.infer<typeof resetUserPasswordSchema>;

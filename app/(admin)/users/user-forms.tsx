"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/auth/with-role";
import { changeUserRoleAction, createUserAction, resetUserPasswordAction, setUserActiveAction } from "@/lib/users/actions";

type Outcome = { kind: "error" | "notice"; text: string } | undefined;

function useAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  function run<R>(call: () => Promise<ActionResult<R>>, success: string, onSuccess?: () => void) {
    startTransition(async () => {
      const result = await call();
      if (result.ok) {
        setOutcome({ kind: "notice", text: success });
        setFieldErrors({});
        onSuccess?.();
        router.refresh();
      } else {
        setOutcome({ kind: "error", text: result.message });
        setFieldErrors(result.fieldErrors ?? {});
      }
    });
  }
  return { pending, outcome, fieldErrors, run };
}

function Outcome({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <p role={outcome.kind === "error" ? "alert" : "status"} className={outcome.kind}>
      {outcome.text}
    </p>
  );
}

function FieldError({ errors }: { errors?: string[] }) {
  return errors?.length ? <span className="error">{errors.join(" ")}</span> : null;
}

export function UserControls({ user }: { user: { id: number; email: string; role: string; active: boolean } }) {
  const { pending, outcome, fieldErrors, run } = useAction();
  const [role, setRole] = useState(user.role);
  const [password, setPassword] = useState("");
  return (
    <div className="form">
      <div className="inline-form">
        <label className="inline-form">
          <span className="visually-hidden">Role for {user.email}</span>
          <select name="role" value={role} onChange={(event) => setRole(event.target.value)} disabled={pending}>
            <option value="admin">admin</option>
            <option value="editor">editor</option>
            <option value="viewer">viewer</option>
          </select>
        </label>
        <button
          type="button"
          disabled={pending || role === user.role}
          onClick={() => run(() => changeUserRoleAction({ id: user.id, role }), `${user.email} is now ${role}.`)}
        >
          Change role
        </button>
        <button
          type="button"
          disabled={pending}
          onClick={() => run(() => setUserActiveAction({ id: user.id, active: !user.active }), `${user.email} is ${user.active ? "disabled" : "enabled"}.`)}
        >
          {user.active ? "Disable" : "Enable"}
        </button>
      </div>
      <div className="inline-form">
        <label className="inline-form">
          <span className="visually-hidden">New password for {user.email}</span>
          <input
            type="password"
            name="password"
            placeholder="New password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <button
          type="button"
          disabled={pending || !password}
          onClick={() =>
            run(
              () => resetUserPasswordAction({ id: user.id, password }),
              `Password for ${user.email} reset.`,
              () => setPassword(""),
            )
          }
        >
          Reset password
        </button>
        <FieldError errors={fieldErrors.password} />
      </div>
      <Outcome outcome={outcome} />
    </div>
  );
}

export function CreateUserForm() {
  const { pending, outcome, fieldErrors, run } = useAction();
  return (
    <form
      className="form"
      style={{ maxWidth: "28rem" }}
      data-testid="create-user-form"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        run(
          () => createUserAction(data),
          `Created ${String(data.get("email"))}.`,
          () => form.reset(),
        );
      }}
    >
      <label>
        Email <input name="email" type="email" required />
      </label>
      <FieldError errors={fieldErrors.email} />
      <label>
        Name <input name="name" />
      </label>
      <label>
        Role
        <select name="role" defaultValue="viewer">
          <option value="viewer">viewer</option>
          <option value="editor">editor</option>
          <option value="admin">admin</option>
        </select>
      </label>
      <FieldError errors={fieldErrors.role} />
      <label>
        Password <input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </label>
      <FieldError errors={fieldErrors.password} />
      <button type="submit" disabled={pending}>
        Create user
      </button>
      <Outcome outcome={outcome} />
    </form>
  );
}

import { requirePageRole } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/queries";
import { CreateUserForm, UserControls } from "./user-forms";

export const dynamic = "force-dynamic";
export const metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePageRole("admin");
  const users = await listUsers();
  return (
    <section>
      <h1>Users</h1>
      <p className="muted">Admins manage users; editors create, tag, review and resolve; viewers read and export. There is always at least one active admin.</p>
      <table className="table" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Manage</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-testid="user-row" data-email={user.email}>
              <td>
                {user.email}
                {user.id === me.id && " (you)"}
              </td>
              <td>{user.name ?? "—"}</td>
              <td>{user.role}</td>
              <td>{user.active ? "active" : "disabled"}</td>
              <td>
                <UserControls user={{ id: user.id, email: user.email, role: user.role, active: user.active }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>New user</h2>
      <CreateUserForm />
    </section>
  );
}

import type { FieldChange } from "@/lib/audit/diff";

export function ChangeList({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return null;
  return (
    <table className="diff">
      <tbody>
        {changes.map((change) => (
          <tr key={change.field}>
            <th scope="row">{change.field}</th>
            <td>
              {change.before !== "—" && <del>{change.before}</del>} → <ins>{change.after}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

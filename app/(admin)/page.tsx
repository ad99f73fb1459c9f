import Link from "next/link";
import { listSourcesWithCounts } from "@/lib/sources/queries";

export const dynamic = "force-dynamic";

export default async function SourcesPage() {
  const sources = await listSourcesWithCounts();
  const total = sources.reduce((sum, source) => sum + source.claimCount, 0);
  return (
    <section>
      <h1>Sources</h1>
      <p className="muted">{sources.length} sources, {total} claims</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Kind</th>
            <th scope="col">Publisher / author</th>
            <th scope="col">Date</th>
            <th scope="col">Reliability</th>
            <th scope="col" className="num">Claims</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => (
            <tr key={source.id}>
              <td><Link href={`/sources/${source.slug}`}>{source.title}</Link></td>
              <td>{source.kind.replace("_", " ")}</td>
              <td>{[source.publisher, source.author].filter(Boolean).join(" · ") || "—"}</td>
              <td>{source.publishedDate ?? "—"}</td>
              <td><span className="badge">{source.reliability}</span></td>
              <td className="num" data-testid="claim-count">{source.claimCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sources.length === 0 && <p>No sources yet. Run <code>npm run seed</code>.</p>}
    </section>
  );
}
